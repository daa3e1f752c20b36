## Voting: the ballot, turnout and voting in the room, results.

choice-for = For
choice-against = Against
choice-abstain = Abstain
choice-short-for = For
choice-short-against = Against
choice-short-abstain = Abst.
source-telegram = in the bot
source-paper = on paper
source-room = in the room

notice-ballot = 🗳 Your ballot. Mark your answer on each item and press “Sign and send”.
notice-ballot-update = 🗳 An item has been added to the ballot: { $title }. Please answer it.
notice-ballot-reminder = ⏰ You have not signed your ballot yet.
notice-kind-ballot = ballot
notice-kind-ballot_update = ballot addition
notice-kind-ballot_reminder = ballot reminder
notice-kind-ballot_closed = ballot closed (buttons removed)
notice-kind-voting_close = voting results
notice-kind-results = meeting results

ballot-title = 🗳 Ballot: { $body }, meeting on { $when }
ballot-supplement-title = 🗳 Supplementary ballot: { $body }, meeting on { $when }
ballot-supplement-signed = Your signed ballot counts: { $count ->
        [one] { $count } answer stands
       *[other] { $count } answers stand
    }. Only the added item is here.
ballot-deadline = Accepted until { $deadline }.
ballot-answer = Your answer: { $choice }
ballot-no-answer = No answer yet.
ballot-how = Press an answer under each item (you can change it), then “Sign and send”.
ballot-sign = ✍️ Sign and send
ballot-signed = ✅ The ballot was signed and sent on { $at }.
ballot-revote = You can change your answers until the voting closes.
ballot-closed = Voting is closed.
ballot-signed-answer = The ballot has been signed and sent. Thank you!
ballot-error-not-found = There is no such ballot.
ballot-error-not-yours = This is another council member's ballot: you can only vote with your own. Nothing has changed.
ballot-error-closed = Voting is closed: answers are no longer accepted.
ballot-error-signed = The ballot has already been signed: the answer cannot be changed.
ballot-error-unanswered = Answer all the items. Not answered: { $numbers }.
ballot-error-voted-in-room = You have already voted in the room: your vote is counted there. One member, one vote (clause 4.7), so the ballot is not accepted.
ballot-in-room = 🏛 You voted in the room: your vote is counted there, there is no need to sign the ballot.

card-ballot = 🗳 My ballot
card-checkin = 🙋 I'm in the room
card-turnout = 📊 Voting progress
card-room = 🏛 Meeting in the room

turnout-voted = { $count } of { $roster } have voted: { $quorum ->
        [yes] there is a quorum
       *[other] there is no quorum
    } (needed: { $quorum_needed }); decisions need { $decision_needed }.
turnout-line-voted = ✅ { $name } ({ $source })
turnout-line-waiting = ▫️ { $name }
turnout-line-unreachable = ✉️ { $name } (no Telegram — a paper ballot is needed)
turnout-line-in-room = 🏛 { $name } (votes in the room)
turnout-remind = 🔔 Remind those who have not voted
turnout-reminded = Reminder sent to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
turnout-reminded-missed = Will not get it, a paper ballot is needed: { $names }.
turnout-reminded-missed-name = { $name } ({ $reason ->
        [stopped] stopped the bot
       *[no_telegram] no Telegram
    })
turnout-paper = 📝 Enter a paper ballot
paper-choose = Whose paper ballot are you entering?
paper-ask = Paper ballot: { $name }
    Item { $number }. { $title }
    Which answer is marked?
paper-saved = Paper ballot entered: { $name }.

room-title = 🏛 Meeting in the room. Check-in code: { $code } — members send the bot /here { $code } or press “I'm in the room”. Press a name to mark that person present.
room-present = { $count } of { $roster } are taking part: { $quorum ->
        [yes] there is a quorum
       *[other] there is no quorum
    } (needed: { $quorum_needed }); decisions need { $decision_needed }.
room-item-recorded = Item { $number }: { $votes_for } for, { $against } against, { $abstain } abstained.
room-vote-item = 🗳 Vote: item { $number }
room-ask-counts = Item { $number }. { $title }
    Type the result of the open vote as three numbers: for, against, abstained — for example: 10 2 1. Voting in the room: { $present }.
room-ask-chair = How did the chair vote? (The chair's vote decides in a tie.)
room-recorded = Recorded.
room-error-counts = Type three numbers separated by spaces: for, against, abstained — for example: 10 2 1
room-error-too-many = That makes { $total } votes, but { $present } are voting in the room: that cannot be right. Check the numbers or mark who is present.
room-ways = { $in_room } vote in the room, { $by_ballot } by ballot: the quorum counts both together, each member once. A member who signed a ballot votes by it (🗳), even when in the room.
room-error-counted = A recorded vote in the room rests on this person: { $total ->
        [one] { $total } vote is
       *[other] { $total } votes are
    } recorded on item { $number }, and without them { $left } would be voting in the room. First record the vote on item { $number } again, then remove the mark.
room-error-early = The meeting has not started yet: open the room with “Meeting in the room” on the meeting's card — the bot will ask whether to open it early.
room-early = The meeting starts { $starts }. Open the room early? You can mark who is present already.
room-early-ballots = Ballots are accepted until { $deadline }. Whoever is in the room when a vote is recorded there votes in the room and can no longer sign a ballot. Whoever signed a ballot votes by it, even when in the room. This way each member votes once.
room-early-open = 🏛 Open the room now

voting-close = ✅ Close voting and count the results
voting-close-confirm = Close voting? All council members will receive the results, and they cannot be changed.
voting-close-yes = Yes, close it
voting-closed = Voting is closed. The results are being sent to council members.
voting-error-not-open = Voting for this meeting has not opened yet.
voting-error-closed = Voting for this meeting is already closed.
voting-error-no-room = This is an absentee meeting: there is no voting in the room.
voting-error-room-not-open = First open the meeting in the room: the “Meeting in the room” button.
voting-error-not-a-voter = This person does not vote at this meeting: the list of voters was fixed when voting opened.
voting-error-already-voted = Council member { $name } already has a signed ballot: a second one is not accepted.
voting-error-everyone-voted = Everyone has already voted.
voting-error-not-everyone = Voting can be closed early only once everyone has voted: so far { $voted } of { $total }. Otherwise it will close by itself at the deadline.
voting-error-voted-in-room = { $name } is voting in the room: a paper ballot is not accepted — each member has one vote (clause 4.7).
voting-error-room-count = The results cannot be counted yet: { $recorded ->
        [one] { $recorded } vote is
       *[other] { $recorded } votes are
    } recorded in the room on item { $number }, but { $room } are voting in the room (present and without a signed ballot). Record the vote on item { $number } again, then close the voting.
checkin-ask = Type the code the secretary is showing in the room, for example: 1234
checkin-done = You are checked in at the meeting. Thank you!
checkin-error-code = The code does not match. Check it with the secretary.

results-title = 📊 Results: { $body }, meeting on { $when }
results-quorum = { $participants } of { $roster } took part: { $valid ->
        [yes] the meeting is valid
       *[other] the meeting is not valid
    } (quorum: { $needed }).
results-decisions = { $may ->
        [yes] Decisions can be taken
       *[other] Decisions cannot be taken
    }: decisions need { $needed } (clause 4.9).
results-ways = How it was counted: { $in_room } in the room, { $by_ballot } by ballot; the quorum counts both together, each member once (clause 4.6).
results-tally = For: { $votes_for }, Against: { $against }, Abstained: { $abstain }.
verdict-passed = The decision passed.
verdict-passed_casting = The decision passed by the chair's casting vote.
verdict-failed = The decision did not pass.
verdict-no_decision = No decision can be taken: not enough participants.
verdict-information = For information.
results-named = Votes by name (clause 4.9):
results-named-line = { $number }. { $name }: { $choice } ({ $source })
results-room-line = { $number }. In the room: { $votes_for } for, { $against } against, { $abstain } abstained
