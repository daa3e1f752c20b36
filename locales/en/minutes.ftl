## Minutes (clause 4.10): draft, signature, distribution, corrections, extracts, archive, template.

command-minutes = Minutes
card-minutes = 📝 Minutes
card-extract = 📄 Extract from the minutes
org-template = 📄 Minutes template

minutes-title = 📝 Minutes No. { $number }: { $body }, meeting on { $date } — { $status }
minutes-status-draft = draft
minutes-status-review = awaiting signature
minutes-status-signed = signed and sent
minutes-status-superseded = replaced by a corrected version
minutes-reason = Corrected version. Reason: { $reason }
minutes-returned = Sent back for revision: { $comment }
minutes-item = { $number }. { $title } — heard / spoke / decided: { $marks }
minutes-fill = ✏️ Item { $number }
minutes-preview = 👁 Preview (DOCX)
minutes-preview-caption = Draft minutes. Check them and press “Send for signature”.
minutes-submit = ✍️ Send for signature
minutes-download = 📄 Download the minutes
minutes-correct = ✏️ Correct (new version)
minutes-skip = Skip
minutes-current = Currently recorded: { $text }
minutes-ask-heard = Item { $number }. { $title }
    HEARD (speaker: { $speaker }): briefly summarise the report. To leave it empty, press “Skip”; to clear it, send “-”.
minutes-ask-spoke = Item { $number }. SPOKE: who spoke and what they said, for example: Ivanova M. P. — proposed adding a competition to the plan. Or “Skip”.
minutes-ask-decided = Item { $number }. DECIDED: the text of the decision, for example: To approve the work plan for the second half of the year. The bot will add the voting results itself.
minutes-for-signature = ✍️ Minutes No. { $number } of the meeting of “{ $body }” on { $date } are awaiting your signature. The file is below.
minutes-sign = ✅ Sign
minutes-send-back = ↩️ Send back for revision
minutes-chair-absent = I am absent — the deputy will sign
minutes-signed-by-you = Minutes No. { $number } ({ $body }) have been signed. All members and guests are receiving them.
minutes-signed-answer = Signed.
minutes-passed-to-deputy = The minutes have been passed to the deputy chair for signature: { $name }.
minutes-ask-comment = What needs to be corrected? Write a comment for the secretary.
minutes-sent-back = Minutes No. { $number } have been sent back to the secretary for revision.
minutes-returned-notice = ↩️ Minutes No. { $number } ({ $body }) have been sent back for revision. Comment: { $comment }
minutes-ask-reason = Why is a corrected version needed? All council members will see the reason, for example: the speaker's surname has been corrected.
minutes-extract-choose = Which item should the extract cover?
minutes-error-not-closed = The minutes are drawn up after the meeting: first close the voting (“Meeting in the room” or “Voting progress”).
minutes-error-not-found = These minutes were not found.
minutes-error-not-draft = The minutes have already been sent for signature or signed: they cannot be changed. To make corrections, use “Correct (new version)”.
minutes-error-not-review = These minutes are not awaiting signature right now.
minutes-error-not-signer = The minutes are signed by the chair or, if the chair is absent, by the deputy.
minutes-error-no-signer = There is no “{ $role }” in the membership: appoint one so that someone can sign the minutes.
minutes-error-not-signed = There are no signed minutes for this meeting yet.
minutes-error-reason = The reason must be 3 to 500 characters, for example: the speaker's surname has been corrected.
minutes-error-too-long = The text is too long: up to { $max } characters. Please shorten it.

notice-minutes = 📄 Minutes No. { $number } of the meeting of “{ $body }” on { $date }.
notice-minutes-corrected = 📄 Corrected version of Minutes No. { $number } of the meeting of “{ $body }” on { $date }. Reason: { $reason }
notice-minutes-reminder = 📝 The minutes of the meeting of “{ $body }” on { $date } have not been sent to members yet. Deadline: { $deadline } (clause 4.10).
notice-minutes-last-call = ⚠️ { $days ->
        [0] Today is the last day
        [one] { $days } day left
       *[other] { $days } days left
    }: the minutes of the meeting of “{ $body }” on { $date } must be sent to members by { $deadline } (clause 4.10).
notice-minutes-overdue = ⚠️ The deadline has passed: the minutes of the meeting of “{ $body }” on { $date } should have reached members by { $deadline } (clause 4.10), but they have not been sent.
notice-button-minutes = 📝 Open the minutes
notice-kind-minutes_reminder = minutes reminder
notice-kind-minutes_last_call = minutes reminder (2 days)
notice-kind-minutes_overdue = minutes overdue
notice-kind-minutes = minutes

archive-title = Signed minutes: { $count }. Press to download.
archive-line = No. { $number } — { $body }, { $date }{ $version }
archive-version = { " " }(version { $version })
archive-empty = There are no signed minutes yet.

template-ask = Send the minutes template (a DOCX with your letterhead). The bot will test it on a sample meeting and only then replace the standard one.
template-saved = The template has been saved: new minutes will be on your letterhead.
template-error-not-docx = This is not a Word file (DOCX). Send the template in .docx format.
template-error-syntax = The template has an error in its placeholder fields: { $detail }. The old template has been kept.
template-error-render = The template could not be filled in with a sample meeting: { $detail }. The old template has been kept.
template-error-missing = The template has no minutes fields (number, agenda items): the bot will not be able to fill it in. The old template has been kept.

protocol-chair = Chair
protocol-deputy = Deputy chair
protocol-signed = Signed by: { $name }, { $at }
protocol-version = Corrected version No. { $version } of { $date }. Reason: { $reason }
protocol-quorum = { $participants } of { $roster } are taking part: { $valid ->
        [yes] there is a quorum
       *[other] there is no quorum
    } (needed: { $quorum_needed }); { $may ->
        [yes] decisions can be taken
       *[other] decisions cannot be taken
    } (needed: { $decision_needed }).
protocol-attendance = { $form ->
        [in_person] Present
        [absentee] Took part in the absentee vote
       *[other] Took part
    }: { $participants } of { $roster } { $roster ->
        [one] member
       *[other] members
    }; { $valid ->
        [yes] there was a quorum
       *[other] there was no quorum
    }, { $may ->
        [yes] decisions could be taken
       *[other] decisions could not be taken
    }.
protocol-ways = Taking part: { $in_room } in the room, { $by_ballot } by ballot; the quorum was determined by both together, each member counted once (clause 4.6); those in the room voted in the room.
