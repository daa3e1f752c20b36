## Registration and invitations.

register-ask-name = What is your name? Please write your surname, first name and patronymic in full, for example: Ivanova Maria Petrovna
register-ask-school = Thank you, { $name }! Which school or organisation do you work at? For example: School No. 3
register-ask-subject = Which subject do you teach? For example: mathematics
register-done = Done, { $name }: you are registered.
register-error-already = You are already registered. Open /menu.
register-error-organisation = There is no such organisation. Start again: /start
register-no-organisations = The methodical service has not been set up in the bot yet: it has no organisation so far. Please try later.
    
    If you are the coordinator (the methodical centre, the education department) who is to set the bot up, your Telegram ID is { $id }. Ask whoever installed the bot either to add the line
    COORDINATOR_IDS={ $id }
    to its settings file .env and restart the bot, or to run this command on the server:
    councilbot add-coordinator { $id }
    Then press /start again.
register-choose-organisation = Choose your methodical service (district):

invite-to-body = You are invited to “{ $body }” — role: { $role }.
invite-to-coordinate = You are invited to be a coordinator of “{ $organisation }”.
invite-joined = Done! You are in “{ $where }” — role: { $role }.
invite-joined-notice = { $name } has joined “{ $where }” via your link (role: { $role }).
invite-unknown = There is no such invitation. Check the link or ask the secretary for a new one.
invite-expired = This invitation has expired. Ask the secretary for a new link.
invite-used-up = As many people have already joined via this link as it allowed. Ask the secretary for a new link.
invite-error-personal-other = This link is a personal invitation for: { $name }. You are registered in the bot under a different name, so the link will not work for you. Ask the secretary for an ordinary invitation.
invite-error-already-member = You are already a member of this council or association. Open /menu.
invite-error-already-coordinator = You are already a coordinator of this organisation. Open /menu.
invite-error-limits = Choose the number of people and the validity period with the buttons.

invite-ask-role = Invitation to “{ $body }”. Whom are you inviting?
invite-ask-uses = How many people will be able to join via this link?
invite-uses = { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
invite-ask-days = For how many days is the link valid?
invite-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
invite-link = Invitation link (role: { $role }), valid until { $expires }, { $uses ->
        [one] for { $uses } person
       *[other] for { $uses } people
    }:
    { $link }
    
    Forward this message to the people you are inviting. The bot will ask them for their full name, school and subject and will tell you who has joined.
invite-coordinator-ask-days = Coordinator invitation: one link for one person. For how many days is it valid?
invite-coordinator-link = Link for a new coordinator, valid until { $expires }:
    { $link }
    
    Forward it to the person you are inviting.
invite-personal-link = Personal link for: { $name }. Valid until { $expires }:
    { $link }
    
    Send it to this person: by opening it, they will enter the bot with their details from the membership list.
