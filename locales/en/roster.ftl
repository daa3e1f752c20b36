## Membership of a council or association.

body-title = { $kind }: { $name }
    Subject: { $subject }
    Voting members: { $members }, guests: { $guests }
    On Telegram: { $telegram } of { $total }
body-roster = 👥 Members
body-invite = ✉️ Invite
body-add = ➕ Add without Telegram
body-import = 📥 Upload CSV
body-export = 📤 Download CSV
body-rules = ⚙️ Rules

roster-title = Members of “{ $body }”: { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
roster-line = { $number }. { $name } — { $role } { $mark }
roster-empty = Nobody here yet. Invite people by link, upload a CSV or add them by hand.
roster-page = Page { $page } of { $pages }
roster-mark-ok = ✅
roster-mark-blocked = ⛔ does not receive messages (stopped the bot)
roster-mark-no-telegram = ✉️ without Telegram

member-card = { $name }
    School: { $school }
    Subject: { $subject }
    Role: { $role }, since { $since }
    Telegram: { $mark }
member-change-role = Change role
member-remove = Remove from the membership
member-link = Link to sign in via Telegram
member-choose-role = New role for: { $name }
member-role-changed = Role changed.
member-remove-confirm = Remove { $name } from “{ $body }”? The membership history will be kept.
member-remove-yes = Yes, remove
member-removed = { $name } is no longer a member.

roster-error-member-gone = This person is no longer a member. Open the membership list again.
roster-error-same-role = This person already has that role.
roster-error-leadership = Only a coordinator or the chair can appoint a chair, deputy chair or secretary.
roster-error-already-member = { $name } is already a member.
roster-error-already-linked = { $name } already uses the bot via Telegram: no link is needed.

add-ask-name = Adding a person without Telegram: they will be on the membership list and count towards the quorum, and the secretary enters their ballots for them.
    Write the full name, for example: Petrova Anna Sergeevna
add-ask-school = School or organisation? For example: School No. 3
add-ask-subject = Subject? For example: history
add-ask-role = Role in the membership:
add-done = Added. If the person gets Telegram, send them a personal sign-in link.

import-ask-file = Send a CSV file with the list. The first line holds the column names:
    full_name; school; subject — required;
    position; role; category; experience; education; telegram_id — optional. Russian column names work as well.
    A file from Excel will do: “Save As → CSV UTF-8 (Comma delimited)”.
    The bot will check everything first and show whom it will add; nothing is saved without your confirmation.
import-error-not-file = Please send the CSV file as a document (paperclip → File). To stop, press /cancel.
import-preview = The file is fine. To be added: { $new }. Already members (skipped): { $present }.
import-preview-line = • line { NUMBER($line, useGrouping: 0) }: { $name } — { $role }
import-preview-more = …and { $count } more
import-confirm = Add ({ $count })
import-nothing-new = Everyone in the file is already a member ({ $present }). There is nobody to add.
import-done = Done: { $count } added, { $present } were already members.
export-caption = Members of “{ $body }”. The file opens in Excel, and it can be uploaded back as well.

roster-csv-more = …and { $count ->
        [one] { $count } more error
       *[other] { $count } more errors
    }
roster-csv-fix-and-resend = Fix the file and send it again, or press /cancel.
