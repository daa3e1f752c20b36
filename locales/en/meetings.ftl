## Meetings: announcement, notices, the meeting card, agenda proposals, rescheduling and cancellation.

command-meetings = Meetings
menu-meetings = 📅 Meetings
body-new-meeting = 📅 New meeting
body-group = 🔗 Telegram group

form-in_person = in person
form-absentee = absentee (by ballot)
form-hybrid = hybrid

## The announcement form.

draft-ask-form = New meeting of “{ $body }”. What form will it take?
draft-ask-kind = Ordinary or extraordinary?
draft-ordinary = ordinary
draft-extraordinary = extraordinary
draft-kind = Type: { $kind }
draft-ask-day = Choose the day of the meeting or type the date and time, for example: { $example }
draft-ask-time = At what time? Choose a time or type it, for example: { $example }
draft-ask-place = Where will the meeting take place? Type the address and room or a video call link, for example: School No. 3, room 12
draft-ask-deadline = Until when are ballots accepted? Type the date and time, for example: 12.03.2027 12:00 — or press the button.
draft-deadline-at-start = Until the meeting starts
draft-ask-agenda = Write the agenda: one item a line; you may paste a ready list (the bot drops numbering like “1.”, “1)” and “-”). For example:
    1. On the work plan for the second half-year
    2. On the “Teacher of the Year” contest
    You will add speakers and materials next, only to the items that need them.
draft-ask-more-items = Write an item or several, one a line.
draft-items-hint = A speaker, materials or “for information”: the ✏️ button of the item.
draft-edit-item = ✏️ Item { $number }
draft-item-title = Agenda item:
draft-item-speaker = 👤 Speaker
draft-item-files = 📎 Materials
draft-item-information = ℹ️ For information, no decision
draft-item-decision = 🗳 Needs a decision
draft-item-back = ← Back to the review
draft-error-too-many-items = At most { $max ->
        [one] { $max } more item
       *[other] { $max } more items
    } can be added to the agenda.
draft-ask-speaker = Who is the speaker? Type their full name, for example: Ivanova Maria Petrovna — or press the button.
draft-no-speaker = No speaker
draft-ask-files = Send the item's materials as files (one or several), then press “Done”.
draft-files-done = Done
draft-file-added = File “{ $name }” added (total: { $count }). Send more or press “Done”.
draft-add-item = ➕ Another item
draft-title = Check the meeting of “{ $body }”:
draft-missing = not specified
draft-no-items = No items yet.
draft-for-information = (for information, no decision)
draft-short-notice = ⚠️ The meeting is less than { $days } days away: the notice will be shorter than clause 4.8 requires. This is allowed for an extraordinary meeting, but it needs your confirmation, which will be recorded.
draft-announce = 📣 Announce
draft-confirm-short = ✅ I confirm the short notice and announce
draft-edit-form = Form
draft-edit-kind = Type
draft-edit-when = Date and time
draft-edit-place = Place
draft-edit-deadline = Voting deadline
draft-remove-item = 🗑 Item { $number }
draft-announced = The meeting has been announced. Members are receiving the notice now; the agenda and materials will follow on time.
draft-error-not-file = Send the material as a file (paperclip → File) or press “Done”.
draft-error-too-many-files = You can attach up to { $max } files to one item.
form-error-press-button = Choose an answer with the buttons above. To stop, press /cancel.

meeting-error-date-format = Could not read “{ $value }”. Type the date and time like this: { $example }
meeting-error-date-impossible = There is no such date: “{ $value }”. Type, for example: { $example }
meeting-error-time-format = Could not read the time “{ $value }”. Type, for example: 15:00
meeting-error-past = That time has already passed. Choose a future date, for example: { $example }
meeting-error-too-far = Meetings are not scheduled that far ahead: { $latest } at the latest. Please check the year.
meeting-error-too-soon = An ordinary meeting must be announced at least { $days } days in advance (clause 4.8 of the regulations). The earliest possible: { $earliest }. If the meeting is extraordinary, choose “extraordinary”.
meeting-error-confirm-short-notice = The meeting is less than { $days } days away: please confirm the short notice.
meeting-error-deadline-after = The voting deadline must be no later than the start of the meeting.
meeting-error-deadline-past = The voting deadline has already passed. Give a time in the future.
meeting-error-no-items = The agenda has no items. Add at least one.
meeting-error-place-needed = For an in-person or hybrid meeting, give a place or a link: the “Place” button.
meeting-error-item-title = An agenda item must be 3 to 300 characters, for example: On the work plan for the second half of the year
meeting-error-place = The place must be 3 to 300 characters, for example: School No. 3, room 12
meeting-error-not-found = Meeting not found: perhaps you are not a member of this council.
meeting-error-cancelled = This meeting has been cancelled.
meeting-error-already-started = The meeting has already started: this can no longer be done.

## Notices.

notice-headline = { $extraordinary ->
        [yes] Extraordinary meeting: { $body }
       *[other] Meeting: { $body }
    }
notice-form = Form: { $form }
notice-when = When: { $when }
notice-place = Where: { $place }
notice-deadline = Ballots accepted until: { $deadline }
notice-announcement = 📅 A meeting has been announced.
notice-agenda-comes = The agenda and materials will arrive on { $when }.
notice-agenda-follows = The agenda and materials follow in the next message.
notice-agenda = 📋 Meeting agenda and materials.
notice-agenda-update = 📋 An item has been added to the agenda: { $title }
notice-agenda-preliminary = Preliminary list of items:
notice-agenda-title = Agenda:
notice-agenda-item = { $number }. { $title }
notice-agenda-speaker = Speaker: { $speaker }
notice-agenda-materials = Materials: { $count ->
        [one] { $count } file
       *[other] { $count } files
    }
notice-propose-until = You can propose an additional agenda item until { $cutoff }.
notice-ballot-open = 🗳 Voting by ballot is open: the ballot will arrive in a separate message.
notice-reminder-day = ⏰ Reminder: the meeting is tomorrow.
notice-late = ⚠️ Late: this notice was due { $due }, but the bot was unavailable.
notice-reminder-hour = ⏰ Reminder: the meeting is in an hour.
notice-rescheduled = 🔁 The meeting has been rescheduled. Previously: { $old }.
notice-cancelled = ❌ The meeting has been cancelled.
notice-button-coming = ✅ I'll come
notice-button-not-coming = ❌ Can't come
notice-button-card = Open the meeting
ics-summary = Meeting: { $body }
ics-description = Form: { $form }. The agenda and materials are in the bot.

notice-kind-announcement = announcement
notice-kind-agenda = agenda
notice-kind-reminder_day = reminder a day before
notice-kind-reminder_hour = reminder an hour before
notice-kind-agenda_update = agenda addition
notice-kind-rescheduled = rescheduling
notice-kind-cancelled = cancellation

## The meeting card and the list of meetings.

meetings-title = Meetings: { $upcoming } upcoming, { $past } past.
meetings-line = { $when } — { $body }
meetings-line-cancelled = ❌ { $when } — { $body }
card-cancelled = ❌ MEETING CANCELLED
card-my-answer-yes = Your answer: I'll come.
card-my-answer-no = Your answer: can't come.
card-attendance = Coming: { $coming } of { $roster }, { $needed } needed (can't come: { $declined }).
card-proposals = Agenda proposals awaiting a decision: { $count }.
card-files = 📎 Materials
card-propose = ✍️ Propose an item
card-report = 📬 Notice delivery
card-move = 🔁 Reschedule
card-cancel = ❌ Cancel
card-all-meetings = « All meetings
card-answer-saved-yes = Noted: you will come.
card-answer-saved-no = Noted: you can't come. You will not receive reminders about this meeting.

## Agenda proposals.

proposal-ask-title = Type the item you propose to add to the agenda, for example: On preparing for the “Teacher of the Year” contest
proposal-sent = The proposal has been sent to the chair and the secretary. The bot will let you know their decision.
proposal-error-closed = Agenda proposals are accepted until { $cutoff } — { $days } days before the meeting (clause 4.8). That deadline has passed.
proposal-error-not-member = Only council members can propose agenda items.
proposal-error-decided = A decision has already been made on this proposal.
proposal-new = ✍️ { $name } proposes an item for the agenda of the meeting of “{ $body }” ({ $when }):
    { $title }
proposal-accept = ✅ Accept
proposal-reject = ❌ Reject
proposal-ask-comment = Write why the proposal is rejected (the author will see this), or press the button.
proposal-no-comment = No comment
proposal-accepted-by-you = Accepted, the item has been added to the agenda: { $title }
proposal-rejected-by-you = Rejected: { $title }
proposal-accepted = ✅ Your proposal has been accepted and added to the agenda of the meeting of “{ $body }”: { $title }
proposal-rejected = Your proposal for the agenda of the meeting of “{ $body }” has been rejected: { $title }
proposal-rejected-comment = Your proposal for the agenda of the meeting of “{ $body }” has been rejected: { $title }
    Comment: { $comment }

## Rescheduling, cancellation, delivery, group.

move-ask-when = New date and time of the meeting? Type, for example: { $example }
move-done = The meeting has been moved to { $when }. Members are receiving a rescheduling notice.
cancel-meeting-confirm = Cancel the meeting on { $when }? Members will receive a cancellation notice.
cancel-meeting-yes = Yes, cancel the meeting
cancel-meeting-done = The meeting has been cancelled; members are receiving the notice.
report-title = Delivery of notices for the meeting on { $when }:
report-kind = • { $kind }: { $count } of { $total } delivered
report-more = …and { $count } more
report-problems = Not received by:
report-problem = • { $name } — { $kind }: { $reason }
report-skipped = Not sent (the bot was down and the moment passed):
report-skipped-line = • { $kind } ({ $due }): { $reason }
report-skip-started = the meeting had already begun
report-skip-superseded = the next reminder was due by then, and that one was sent
report-skip-outdated = it would no longer have been true
report-skip-closed = voting had already closed
report-all-delivered = Everyone who has Telegram has received the notices.
report-status-no_telegram = no Telegram (tell them in person or on paper)
report-status-unreachable = not receiving messages: never started the bot or stopped it
report-status-failed = delivery error
group-instructions = To have announcements posted in a group as well: add the bot to the group and send this message there
    /link { $code }
    The code is valid for 24 hours. Ballots are never sent to the group.
group-linked = The group is linked to “{ $body }”: meeting announcements will be posted here.
group-error-code = This code does not work: it is wrong, expired or was issued to someone else. Get a new one in the bot: council → “Telegram group”.

## To the secretary after each notice: whom it did not reach (clauses 4.8, 4.10).

undelivered-title = 📭 The “{ $kind }” of the meeting of “{ $body }” on { $date } did not reach { $count ->
        [one] { $count } person
       *[other] { $count } people
    }:
undelivered-line = • { $name } — { $reason }
undelivered-reason-no_telegram = no Telegram
undelivered-reason-unreachable = stopped the bot or never started it
undelivered-reason-failed = a delivery error, the bot could not send it
undelivered-hint = Hand them a paper copy or tell them in person.
undelivered-hint-ballot = Hand them a paper ballot, and enter the completed one with “📝 Enter a paper ballot” under “Voting progress”.
