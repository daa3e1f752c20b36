## Заседания: объявление, извещения, карточка, предложения в повестку, перенос и отмена.

command-meetings = Заседания
menu-meetings = 📅 Заседания
body-new-meeting = 📅 Новое заседание
body-group = 🔗 Группа в Telegram

form-in_person = очное
form-absentee = заочное (по опросным листам)
form-hybrid = гибридное

## Анкета объявления.

draft-ask-form = Новое заседание «{ $body }». Какая форма?
draft-ask-kind = Очередное или внеочередное?
draft-ordinary = очередное
draft-extraordinary = внеочередное
draft-kind = Вид: { $kind }
draft-ask-day = Выберите день заседания или напишите дату и время, например: { $example }
draft-ask-time = Во сколько? Выберите время или напишите его, например: { $example }
draft-ask-place = Где пройдёт заседание? Напишите адрес и кабинет или ссылку на видеосвязь, например: МОУ СОШ № 3, каб. 12
draft-ask-deadline = До какого времени принимаются опросные листы? Напишите дату и время, например: 12.03.2027 12:00 — или нажмите кнопку.
draft-deadline-at-start = До начала заседания
draft-ask-agenda = Напишите повестку: каждый вопрос с новой строки, можно вставить готовый список (номера «1.», «1)» и «-» бот уберёт). Например:
    1. О плане работы на второе полугодие
    2. О конкурсе «Учитель года»
    Докладчиков и материалы добавите на следующем шаге — только к тем вопросам, где они нужны.
draft-ask-more-items = Напишите вопрос или несколько — каждый с новой строки.
draft-items-hint = Докладчик, материалы или «для сведения» — кнопка ✏️ у вопроса.
draft-edit-item = ✏️ Вопрос { $number }
draft-item-title = Вопрос повестки:
draft-item-speaker = 👤 Докладчик
draft-item-files = 📎 Материалы
draft-item-information = ℹ️ Для сведения, без решения
draft-item-decision = 🗳 Нужно решение
draft-item-back = ← К проверке
draft-error-too-many-items = В повестку можно добавить ещё не больше { $max ->
        [one] { $max } вопроса
       *[other] { $max } вопросов
    }.
draft-ask-speaker = Кто докладчик? Напишите ФИО, например: Иванова Мария Петровна — или нажмите кнопку.
draft-no-speaker = Без докладчика
draft-ask-files = Пришлите материалы к вопросу файлами (по одному или несколько), затем нажмите «Готово».
draft-files-done = Готово
draft-file-added = Файл «{ $name }» добавлен (всего: { $count }). Пришлите ещё или нажмите «Готово».
draft-add-item = ➕ Ещё вопрос
draft-title = Проверьте заседание «{ $body }»:
draft-missing = не указано
draft-no-items = Вопросов пока нет.
draft-for-information = (для сведения, без решения)
draft-short-notice = ⚠️ До заседания меньше { $days } дн.: извещение будет короче, чем требует п. 4.8. Для внеочередного заседания это можно, но нужно ваше подтверждение — оно будет записано.
draft-announce = 📣 Объявить
draft-confirm-short = ✅ Подтверждаю сокращённый срок и объявляю
draft-edit-form = Форма
draft-edit-kind = Вид
draft-edit-when = Дата и время
draft-edit-place = Место
draft-edit-deadline = Срок голосования
draft-remove-item = 🗑 Вопрос { $number }
draft-announced = Заседание объявлено. Члены получают извещение сейчас, повестку и материалы — в срок.
draft-error-not-file = Пришлите материал файлом (скрепка → Файл) или нажмите «Готово».
draft-error-too-many-files = К одному вопросу можно приложить до { $max } файлов.
form-error-press-button = Выберите ответ кнопкой выше. Чтобы прервать, нажмите /cancel.

meeting-error-date-format = Не удалось прочитать «{ $value }». Напишите дату и время так: { $example }
meeting-error-date-impossible = Такой даты нет: «{ $value }». Напишите, например: { $example }
meeting-error-time-format = Не удалось прочитать время «{ $value }». Напишите, например: 15:00
meeting-error-past = Это время уже прошло. Выберите будущую дату, например: { $example }
meeting-error-too-far = Так далеко вперёд заседания не назначают: самое позднее — { $latest }. Проверьте год.
meeting-error-too-soon = Очередное заседание нужно объявить не позднее чем за { $days } дн. (п. 4.8 положения). Самое раннее: { $earliest }. Если заседание внеочередное, выберите «внеочередное».
meeting-error-confirm-short-notice = До заседания меньше { $days } дн.: подтвердите сокращённый срок извещения.
meeting-error-deadline-after = Срок голосования должен быть не позже начала заседания.
meeting-error-deadline-past = Срок голосования уже прошёл. Укажите будущее время.
meeting-error-no-items = В повестке нет ни одного вопроса. Добавьте хотя бы один.
meeting-error-place-needed = Для очного и гибридного заседания укажите место или ссылку: кнопка «Место».
meeting-error-item-title = Вопрос повестки — от 3 до 300 знаков, например: О плане работы на второе полугодие
meeting-error-place = Место — от 3 до 300 знаков, например: МОУ СОШ № 3, каб. 12
meeting-error-not-found = Такое заседание не найдено: возможно, вы не состоите в этом совете.
meeting-error-cancelled = Это заседание отменено.
meeting-error-already-started = Заседание уже началось: это сделать уже нельзя.

## Извещения.

notice-headline = { $extraordinary ->
        [yes] Внеочередное заседание: { $body }
       *[other] Заседание: { $body }
    }
notice-form = Форма: { $form }
notice-when = Когда: { $when }
notice-place = Где: { $place }
notice-deadline = Опросные листы принимаются до: { $deadline }
notice-announcement = 📅 Объявлено заседание.
notice-agenda-comes = Повестка и материалы придут: { $when }.
notice-agenda-follows = Повестка и материалы — в следующем сообщении.
notice-agenda = 📋 Повестка заседания и материалы.
notice-agenda-update = 📋 В повестку добавлен вопрос: { $title }
notice-agenda-preliminary = Примерный перечень вопросов:
notice-agenda-title = Повестка:
notice-agenda-item = { $number }. { $title }
notice-agenda-speaker = Докладчик: { $speaker }
notice-agenda-materials = Материалы: { $count ->
        [one] { $count } файл
        [few] { $count } файла
       *[many] { $count } файлов
    }
notice-propose-until = Предложить дополнительный вопрос в повестку можно до { $cutoff }.
notice-ballot-open = 🗳 Голосование по опросному листу открыто: опросный лист придёт отдельным сообщением.
notice-reminder-day = ⏰ Напоминание: заседание завтра.
notice-late = ⚠️ С опозданием: это извещение должно было прийти { $due }, но бот был недоступен.
notice-reminder-hour = ⏰ Напоминание: заседание через час.
notice-rescheduled = 🔁 Заседание перенесено. Было: { $old }.
notice-cancelled = ❌ Заседание отменено.
notice-button-coming = ✅ Приду
notice-button-not-coming = ❌ Не смогу
notice-button-card = Открыть заседание
ics-summary = Заседание: { $body }
ics-description = Форма: { $form }. Повестка и материалы — в боте.

notice-kind-announcement = объявление
notice-kind-agenda = повестка
notice-kind-reminder_day = напоминание за день
notice-kind-reminder_hour = напоминание за час
notice-kind-agenda_update = дополнение повестки
notice-kind-rescheduled = перенос
notice-kind-cancelled = отмена

## Карточка и список заседаний.

meetings-title = Заседания: предстоящих — { $upcoming }, прошедших — { $past }.
meetings-line = { $when } — { $body }
meetings-line-cancelled = ❌ { $when } — { $body }
card-cancelled = ❌ ЗАСЕДАНИЕ ОТМЕНЕНО
card-my-answer-yes = Вы ответили: приду.
card-my-answer-no = Вы ответили: не смогу.
card-attendance = Придут { $coming } из { $roster }, нужно { $needed } (не смогут: { $declined }).
card-proposals = Предложений в повестку ждут решения: { $count }.
card-files = 📎 Материалы
card-propose = ✍️ Предложить вопрос
card-report = 📬 Доставка извещений
card-move = 🔁 Перенести
card-cancel = ❌ Отменить
card-all-meetings = « Все заседания
card-answer-saved-yes = Записали: вы придёте.
card-answer-saved-no = Записали: вы не сможете прийти. Напоминания о заседании приходить не будут.

## Предложения в повестку.

proposal-ask-title = Напишите вопрос, который предлагаете добавить в повестку, например: О подготовке к конкурсу «Учитель года»
proposal-sent = Предложение отправлено председателю и секретарю. Бот сообщит вам их решение.
proposal-error-closed = Предложения в повестку принимаются до { $cutoff } — за { $days } дн. до заседания (п. 4.8). Этот срок прошёл.
proposal-error-not-member = Предлагать вопросы в повестку могут члены совета.
proposal-error-decided = По этому предложению уже принято решение.
proposal-new = ✍️ { $name } предлагает вопрос в повестку заседания «{ $body }» ({ $when }):
    { $title }
proposal-accept = ✅ Принять
proposal-reject = ❌ Отклонить
proposal-ask-comment = Напишите, почему предложение отклонено (это увидит автор), или нажмите кнопку.
proposal-no-comment = Без комментария
proposal-accepted-by-you = Принято, вопрос добавлен в повестку: { $title }
proposal-rejected-by-you = Отклонено: { $title }
proposal-accepted = ✅ Ваше предложение принято и добавлено в повестку заседания «{ $body }»: { $title }
proposal-rejected = Ваше предложение в повестку заседания «{ $body }» отклонено: { $title }
proposal-rejected-comment = Ваше предложение в повестку заседания «{ $body }» отклонено: { $title }
    Комментарий: { $comment }

## Перенос, отмена, доставка, группа.

move-ask-when = Новые дата и время заседания? Напишите, например: { $example }
move-done = Заседание перенесено на { $when }. Члены получают извещение о переносе.
cancel-meeting-confirm = Отменить заседание { $when }? Члены получат извещение об отмене.
cancel-meeting-yes = Да, отменить заседание
cancel-meeting-done = Заседание отменено, члены получают извещение.
report-title = Доставка извещений о заседании { $when }:
report-kind = • { $kind }: доставлено { $count } из { $total }
report-more = …и ещё { $count }
report-problems = Не получили:
report-problem = • { $name } — { $kind }: { $reason }
report-skipped = Не отправлено (бот был недоступен, и момент прошёл):
report-skipped-line = • { $kind } ({ $due }): { $reason }
report-skip-started = заседание уже началось
report-skip-superseded = к тому времени пришла пора следующего напоминания, отправлено оно
report-skip-outdated = оно было бы уже неверным
report-skip-closed = голосование уже закрыто
report-all-delivered = Все, у кого есть Telegram, получили извещения.
report-status-no_telegram = нет Telegram (сообщите лично или на бумаге)
report-status-unreachable = не получает сообщения: не запускал бота или остановил его
report-status-failed = ошибка доставки
group-instructions = Чтобы объявления приходили и в группу: добавьте бота в группу и отправьте там сообщение
    /link { $code }
    Код действует сутки. Опросные листы в группу не приходят никогда.
group-linked = Группа привязана к «{ $body }»: сюда будут приходить объявления о заседаниях.
group-error-code = Код не подходит: он неверный, просрочен или выдан другому человеку. Получите новый в боте: совет → «Группа в Telegram».

## Секретарю после каждого извещения: кого оно не достигло (п. 4.8, 4.10).

undelivered-title = 📭 «{ $kind }» о заседании «{ $body }» { $date } не { $count ->
        [one] получил { $count } человек
        [few] получили { $count } человека
       *[many] получили { $count } человек
    }:
undelivered-line = • { $name } — { $reason }
undelivered-reason-no_telegram = нет Telegram
undelivered-reason-unreachable = остановил(а) бота или ни разу его не запускал(а)
undelivered-reason-failed = ошибка доставки, бот не смог отправить
undelivered-hint = Передайте им бумажную копию или сообщите лично.
undelivered-hint-ballot = Передайте им бумажный опросный лист, а заполненный внесите кнопкой «📝 Внести бумажный лист» в «Ходе голосования».
