## Commands, the menu and what everyone sees.

command-start = Start
command-menu = Main menu
command-profile = My details
command-language = Язык / Language
command-cancel = Cancel filling in the form
command-help = What the bot can do

start-welcome-guest = Hello! This is the bot of the methodical service: the methodical council, the methodical asset and the RMOs work through it.
    
    If you have been invited to a council, an asset or an RMO, open the invitation link from the secretary once more.
    Your Telegram ID: { $id } (the /id command always shows it).
    If you are a teacher and would like a methodical consultation, please register:
start-register-teacher = Register as a teacher
start-welcome-back = Hello, { $name }!

menu-title = Main menu. Choose what to work with:
menu-title-member = Main menu.
menu-title-teacher = Main menu. Your consultations will appear here.
menu-organisation = 🏛 { $name }
menu-body = 👥 { $name }
menu-create-organisation = ➕ Create an organisation
menu-my-bodies = 📋 My councils and associations
menu-profile = 👤 My details
menu-language = 🌐 Язык / Language

button-menu = « To the main menu
button-back = « Back
button-cancel = Cancel

help-everyone = Commands:
    /menu — main menu
    /meetings — meetings, upcoming and past
    /profile — my details (full name, school, subject and more)
    /mydata — personal data: what the bot keeps about you, download, withdraw consent and erase
    /language — language: Russian or English
    /id — my Telegram ID
    /cancel — stop filling in a form
    /help — this help
help-member = You are a member of a council or association: the bot sends you notices of meetings, the agenda and materials. Under a notice you can answer “I'll come” or “Can't come”; on a meeting's card (/meetings) you can propose an agenda item until the deadline given in the notice.
help-secretary = You keep the membership list and the meetings: in the main menu, choose a council or association. There you will find “New meeting” (the bot sends the notice, the agenda 5 days before and the reminders by itself), the list of members, invitations by link, adding a person without Telegram, and uploading and downloading the list as CSV.
    CSV columns: full_name; school; subject (required), position; role; category; experience; education; telegram_id (optional). Russian column names work as well. A file from Excel will do: “Save As → CSV”.
help-coordinator = You are a coordinator: you create the organisation and its councils and associations, invite secretaries and other coordinators, and change the rules (quorum, notice periods). /status — the bot's health: backups, the queue of notices, undelivered messages.

cancel-done = Form cancelled, nothing was saved.
cancel-nothing = There is nothing to cancel right now.

language-choose = Выберите язык / Choose your language:
language-set = Done: the bot now speaks English.
language-error-unknown = There is no such language. Choose Russian or English.

mine-title = Your councils and associations:
mine-line = • { $body } — { $role }

role-chair = chair
role-deputy = deputy chair
role-secretary = secretary
role-member = member
role-guest = guest
role-coordinator = coordinator
role-with-methodist = { $role }, methodist

kind-council = Methodical council
kind-asset = Methodical asset
kind-rmo = RMO

error-not-registered = You need to register first: press /start.
error-not-allowed = Only a coordinator or the secretary of this council can do this. If this is a mistake, write to the coordinator.
error-body-not-found = This council or association was not found: perhaps you are not a member of it.
error-foreign-button = This button is not yours: it is from a message sent to someone else. Nothing has changed.
error-message-too-old = This message is too old. Open /menu again.
error-stale-button = This button no longer works. Open /menu again.
text-error-control = The text contains invisible control characters (such as a change of writing direction). Please type it again without them.
text-error-no-letters = Letters are needed: digits, signs or emoji alone will not do.
error-unexpected = Something went wrong, and we are already looking into it. Your data has not been lost; try again in a minute or open /menu.
error-not-understood = I did not understand the message. Open /menu or /help.
form-error-text-expected = Please write your answer as text. To stop filling in the form, press /cancel.
