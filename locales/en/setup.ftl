## Setting up the organisation, councils and associations.

org-ask-name = What is the organisation called? For example: Information and Methodical Centre of Luga District
org-ask-timezone = Which time zone does the organisation work in? The bot will show all dates and times in it.
org-created = The organisation “{ $name }” has been created.
org-title = 🏛 { $name }
    Time zone: { $timezone }
    Town in the minutes: { $city }
org-bodies = { $count ->
        [0] There are no councils or associations yet. Add the first one:
        [one] { $count } council or association:
       *[other] Councils and associations: { $count }
    }
org-new-body = ➕ New council or association
org-invite-coordinator = ✉️ Invite a coordinator

tz-Europe-Kaliningrad = Kaliningrad (MSK−1)
tz-Europe-Moscow = Moscow (MSK)
tz-Europe-Samara = Samara (MSK+1)
tz-Asia-Yekaterinburg = Yekaterinburg (MSK+2)
tz-Asia-Omsk = Omsk (MSK+3)
tz-Asia-Novosibirsk = Novosibirsk (MSK+4)
tz-Asia-Tomsk = Tomsk (MSK+4)
tz-Asia-Krasnoyarsk = Krasnoyarsk (MSK+4)
tz-Asia-Irkutsk = Irkutsk (MSK+5)
tz-Asia-Yakutsk = Yakutsk (MSK+6)
tz-Asia-Vladivostok = Vladivostok (MSK+7)
tz-Asia-Magadan = Magadan (MSK+8)
tz-Asia-Kamchatka = Kamchatka (MSK+9)

setup-error-org-name = The name must be 3 to 200 characters long, for example: Luga District IMC
setup-error-body-name = The name must be 3 to 200 characters long, for example: Methodical council
setup-error-timezone = I do not know the time zone “{ $value }”. Please choose it with a button.
setup-error-body-exists = “{ $name }” already exists in this organisation. Choose another name.

body-ask-kind = What are we creating?
body-ask-name-council = What is the council called? For example: Methodical council
body-ask-name-asset = What is the asset called? For example: Municipal methodical asset
body-ask-name-rmo = What is the RMO called? For example: RMO of mathematics teachers
body-ask-subject = Which subject is this RMO for? For example: mathematics
body-created = “{ $name }” has been created. Now invite a secretary: open it and press “Invite”.

rules-title = Rules: “{ $body }”
    • Quorum (meeting is valid): { $quorum } of members
    • Present for decisions: { $decision } of members
    • A decision passes with more votes for than { $majority } of the participants
    • Chair's casting vote in a tie: { $casting }
    • A signed ballot may be changed until the deadline: { $revote }
    • Notice of a meeting: { $notice } days in advance
    • Agenda proposals: up to { $proposal } days before the meeting
    • Minutes to members: within { $minutes } days
rules-yes = yes
rules-no = no
rules-button-quorum = Quorum
rules-button-decision = For decisions
rules-button-majority = Majority
rules-button-casting_vote = Chair's vote
rules-button-revote = Ballot changes
rules-button-notice_days = Notice
rules-button-proposal_days = Proposals
rules-button-minutes_days = Minutes
rules-ask-quorum = What share of the members is needed for a quorum? Write it as a fraction or a percentage, for example: 1/2 or 50%
rules-ask-decision = What share of the members must be present to take decisions? For example: 2/3
rules-ask-majority = What share of the participants must vote for a decision to pass (the votes for must be more than that)? For example: 1/2
rules-ask-notice_days = How many days in advance should members be notified of a meeting? A number from 0 to 90, for example: 5
rules-ask-proposal_days = Up to how many days before a meeting may members propose items for the agenda? For example: 2
rules-ask-minutes_days = Within how many days after a meeting must the minutes reach the members? For example: 30
rules-saved = Saved.
rules-error-fraction = “{ $value }” will not do. Write a fraction from 1/100 to 1/1 or a percentage, for example: 1/2, 2/3 or 50%
rules-error-days = “{ $value }” will not do. Write a whole number of days from 0 to 90, for example: 5
rules-error-proposal-after-notice = Agenda proposals (up to { $proposal } days before) must close later than the notice is sent ({ $notice } days before): the proposal period must be shorter than the notice period.

org-city = 🏙 Town in the minutes
org-eligibility = 🎓 Requirements for asset members
org-city-unset = not set
org-ask-city = Write the town as the minutes give it under the date, for example “г. Луга” or “с. Зырянское”. A dash “-” removes it.
org-city-saved = The town has been saved.
org-error-city = Too long: at most { $max } characters.
