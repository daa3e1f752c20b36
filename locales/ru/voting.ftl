## Голосование: опросный лист, явка и голосование в зале, итоги.

choice-for = За
choice-against = Против
choice-abstain = Воздержался
choice-short-for = За
choice-short-against = Против
choice-short-abstain = Возд.
source-telegram = в боте
source-paper = на бумаге
source-room = в зале

notice-ballot = 🗳 Ваш опросный лист. Отметьте ответ по каждому вопросу и нажмите «Подписать и отправить».
notice-ballot-update = 🗳 В опросный лист добавлен вопрос: { $title }. Ответьте на него, пожалуйста.
notice-ballot-reminder = ⏰ Вы ещё не подписали опросный лист.
notice-kind-ballot = опросный лист
notice-kind-ballot_update = дополнение опросного листа
notice-kind-ballot_reminder = напоминание об опросном листе
notice-kind-ballot_closed = закрытие опросного листа (кнопки убраны)
notice-kind-voting_close = итоги голосования
notice-kind-results = итоги заседания

ballot-title = 🗳 Опросный лист: { $body }, заседание { $when }
ballot-supplement-title = 🗳 Дополнительный опросный лист: { $body }, заседание { $when }
ballot-supplement-signed = Ваш подписанный опросный лист учтён, ответы в нём остаются в силе ({ $count ->
        [one] { $count } вопрос
        [few] { $count } вопроса
       *[many] { $count } вопросов
    }). Здесь — только добавленный вопрос.
ballot-deadline = Принимается до { $deadline }.
ballot-answer = Ваш ответ: { $choice }
ballot-no-answer = Ответа пока нет.
ballot-how = Нажмите ответ под каждым вопросом (его можно изменить), затем «Подписать и отправить».
ballot-sign = ✍️ Подписать и отправить
ballot-signed = ✅ Опросный лист подписан и отправлен { $at }.
ballot-revote = До окончания голосования ответы можно изменить.
ballot-closed = Голосование завершено.
ballot-signed-answer = Опросный лист подписан и отправлен. Спасибо!
ballot-error-not-found = Такого опросного листа нет.
ballot-error-not-yours = Это опросный лист другого члена совета: голосовать можно только своим. Ничего не изменилось.
ballot-error-closed = Голосование завершено: ответы больше не принимаются.
ballot-error-signed = Опросный лист уже подписан: ответ изменить нельзя.
ballot-error-unanswered = Ответьте на все вопросы. Без ответа: { $numbers }.
ballot-error-voted-in-room = Вы уже проголосовали в зале: ваш голос учтён там. Один член — один голос (п. 4.7), поэтому опросный лист не принимается.
ballot-in-room = 🏛 Вы проголосовали в зале: ваш голос учтён там, опросный лист подписывать не нужно.

card-ballot = 🗳 Мой опросный лист
card-checkin = 🙋 Я в зале
card-turnout = 📊 Ход голосования
card-room = 🏛 Заседание в зале

turnout-voted = Проголосовали { $count } из { $roster }: { $quorum ->
        [yes] кворум есть
       *[other] кворума нет
    } (нужно { $quorum_needed }); для решений нужно { $decision_needed }.
turnout-line-voted = ✅ { $name } ({ $source })
turnout-line-waiting = ▫️ { $name }
turnout-line-unreachable = ✉️ { $name } (нет Telegram — нужен бумажный лист)
turnout-line-in-room = 🏛 { $name } (голосует в зале)
turnout-remind = 🔔 Напомнить не проголосовавшим
turnout-reminded = Напоминание отправлено: { $count ->
        [one] { $count } человеку
       *[other] { $count } людям
    }.
turnout-reminded-missed = Не получат — нужен бумажный лист: { $names }.
turnout-reminded-missed-name = { $name } ({ $reason ->
        [stopped] остановил(а) бота
       *[no_telegram] нет Telegram
    })
turnout-paper = 📝 Внести бумажный лист
paper-choose = Чей бумажный опросный лист вносите?
paper-ask = Бумажный лист: { $name }
    Вопрос { $number }. { $title }
    Какой ответ отмечен?
paper-saved = Бумажный опросный лист внесён: { $name }.

room-title = 🏛 Заседание в зале. Код для отметки: { $code } — члены отправляют боту /here { $code } или нажимают «Я в зале». Нажмите на имя, чтобы отметить присутствие.
room-present = Участвуют { $count } из { $roster }: { $quorum ->
        [yes] кворум есть
       *[other] кворума нет
    } (нужно { $quorum_needed }); для решений нужно { $decision_needed }.
room-item-recorded = Вопрос { $number }: за — { $votes_for }, против — { $against }, воздержались — { $abstain }.
room-vote-item = 🗳 Голосование: вопрос { $number }
room-ask-counts = Вопрос { $number }. { $title }
    Напишите итог открытого голосования тремя числами: за, против, воздержались — например: 10 2 1. В зале голосуют: { $present }.
room-ask-chair = Как голосовал председатель? (Его голос решает при равенстве голосов.)
room-recorded = Записано.
room-error-counts = Напишите три числа через пробел: за, против, воздержались — например: 10 2 1
room-error-too-many = Голосов { $total }, а в зале голосуют { $present }: так быть не может. Проверьте числа или отметьте присутствующих.
room-ways = В зале голосуют { $in_room }, по опросным листам — { $by_ballot }: кворум считается по тем и другим вместе, каждый член один раз. Кто подписал опросный лист, голосует им (🗳), даже если пришёл в зал.
room-error-counted = На этом человеке держится записанное голосование в зале: по вопросу { $number } { $total ->
        [one] записан { $total } голос
        [few] записано { $total } голоса
       *[many] записано { $total } голосов
    }, а без него голосующих в зале станет { $left }. Сначала запишите голосование по вопросу { $number } заново, затем снимите отметку.
room-error-early = Заседание ещё не началось: откройте зал кнопкой «Заседание в зале» на карточке заседания — бот спросит, открыть ли его раньше.
room-early = Заседание начнётся { $starts }. Открыть зал раньше? Отмечать присутствующих можно уже сейчас.
room-early-ballots = Опросные листы принимаются до { $deadline }. Кто будет в зале, когда там запишут голосование, голосует в зале и подписать опросный лист уже не сможет. Кто подписал опросный лист, голосует им, даже если пришёл в зал. Так каждый член голосует один раз.
room-early-open = 🏛 Открыть зал сейчас

voting-close = ✅ Завершить голосование и подвести итоги
voting-close-confirm = Завершить голосование? Итоги получат все члены совета, изменить их будет нельзя.
voting-close-yes = Да, завершить
voting-closed = Голосование завершено. Итоги отправляются членам совета.
voting-error-not-open = Голосование по этому заседанию ещё не открыто.
voting-error-closed = Голосование по этому заседанию уже завершено.
voting-error-no-room = Это заочное заседание: в зале не голосуют.
voting-error-room-not-open = Сначала откройте заседание в зале: кнопка «Заседание в зале».
voting-error-not-a-voter = Этот человек не голосует в этом заседании: состав зафиксирован при открытии голосования.
voting-error-already-voted = У члена совета { $name } уже есть подписанный опросный лист: второй не принимается.
voting-error-everyone-voted = Все уже проголосовали.
voting-error-not-everyone = Досрочно завершить голосование можно, когда проголосовали все: сейчас { $voted } из { $total }. Иначе оно завершится само в срок.
voting-error-voted-in-room = { $name } уже голосует в зале: бумажный опросный лист не принимается — у каждого члена один голос (п. 4.7).
voting-error-room-count = Итоги пока не подвести: по вопросу { $number } в зале { $recorded ->
        [one] записан { $recorded } голос
        [few] записано { $recorded } голоса
       *[many] записано { $recorded } голосов
    }, а голосуют в зале { $room } (присутствуют и не подписали опросный лист). Запишите голосование по вопросу { $number } заново, затем завершите голосование.
checkin-ask = Напишите код, который секретарь показывает в зале, например: 1234
checkin-done = Вы отмечены на заседании. Спасибо!
checkin-error-code = Код не подходит. Проверьте его у секретаря.

results-title = 📊 Итоги: { $body }, заседание { $when }
results-quorum = Участвовали { $participants } из { $roster }: { $valid ->
        [yes] заседание правомочно
       *[other] заседание неправомочно
    } (кворум — { $needed }).
results-decisions = { $may ->
        [yes] Решения принимаются
       *[other] Решения не принимаются
    }: для решений нужно { $needed } (п. 4.9).
results-ways = Как считали: в зале — { $in_room }, по опросным листам — { $by_ballot }; кворум — по тем и другим вместе, каждый член один раз (п. 4.6).
results-tally = За — { $votes_for }, Против — { $against }, Воздержались — { $abstain }.
verdict-passed = Решение принято.
verdict-passed_casting = Решение принято решающим голосом председателя.
verdict-failed = Решение не принято.
verdict-no_decision = Решение не принимается: недостаточно участников.
verdict-information = Для сведения.
results-named = Поимённо (п. 4.9):
results-named-line = { $number }. { $name }: { $choice } ({ $source })
results-room-line = { $number }. В зале: за — { $votes_for }, против — { $against }, воздержались — { $abstain }
