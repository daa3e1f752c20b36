## Консультации (актив, пп. 3.1–3.2): запрос педагога, «Беру», время, оценка, отчёт.

command-consult = Консультации
menu-consult = 💬 Консультации
consult-home = Методические консультации: педагог задаёт вопрос — его берёт методист актива по вашему предмету и направлению.
consult-ask = ➕ Попросить консультацию
consult-own = 📂 Мои запросы ({ $count })
consult-mine = 📥 Запросы мне ({ $count })
consult-profile = 🎯 Мои предметы и направления
consult-all = 📋 Все запросы ({ $count })
consult-report = 📊 Отчёт
consult-list = Запросов: { $count }. Выберите, чтобы открыть.

ask-topic = С чем нужна помощь? Опишите тему в одном-двух предложениях, например: как выстроить индивидуальный маршрут для ученика с трудностями в математике.
ask-subject = По какому предмету? Напишите его или нажмите кнопку с вашим предметом.
ask-direction = Какое это направление?
ask-size = Консультация для вас одной (одного) или для группы педагогов?
ask-mode = Как удобнее встретиться?
ask-wishes = Когда вам удобно? Например: после 15:00 по вторникам и четвергам.
ask-summary = Проверьте запрос:
    Тема: { $topic }
    Предмет: { $subject }
    Направление: { $direction }
    Формат: { $size }, { $mode }
    Удобное время: { $wishes }
ask-send = 📨 Отправить
ask-sent-offered = Запрос отправлен методистам ({ $count }). Бот сообщит, кто его возьмёт.
ask-sent-coordinator = Подходящих методистов пока нет: запрос передан координатору, он назначит методиста.
ask-sent-missed = Не получили запрос: { $names }.
ask-sent-missed-name = { $name } ({ $reason ->
        [no_telegram] нет Telegram
       *[unreachable] не получает сообщения бота
    })

direction-deficits = Профессиональные дефициты и индивидуальные маршруты
direction-contests = Подготовка к профессиональным конкурсам
direction-young = Молодые педагоги и наставничество
direction-low_results = Школы с низкими результатами
direction-attestation = Аттестация и диагностика
direction-burnout = Профилактика профессионального выгорания
direction-tutoring = Тьюторское сопровождение на курсах повышения квалификации
direction-other = Другое
size-individual = индивидуальная
size-group = групповая
mode-in_person = очно
mode-online = онлайн

consultation-status-new = новый
consultation-status-offered = ждёт методиста
consultation-status-assigned = у методиста
consultation-status-scheduled = назначена
consultation-status-done = проведена
consultation-status-declined = отклонена
consultation-status-cancelled = отменена
consultation-title = 💬 Консультация № { $id } — { $status }
consultation-topic = Тема: { $topic }
consultation-details = Предмет: { $subject }; { $direction }; { $size }, { $mode }
consultation-wishes = Удобное время: { $wishes }
consultation-teacher = Педагог: { $name } ({ $school })
consultation-methodist = Методист: { $name }
consultation-time = Когда: { $when }; где: { $place }
consultation-time-proposed = Предложено время: { $when }; где: { $place }
consultation-reason = Причина: { $reason }
consultation-rating = Оценка: { $rating } из 5 { $comment }
consultation-ics-summary = Консультация: { $topic }

consultation-take = ✋ Беру
consultation-propose = 🕒 Предложить время
consultation-done = ✅ Проведена
consultation-decline = ❌ Отклонить
consultation-confirm = ✅ Подтверждаю время
consultation-other-time = 🔁 Попросить другое время
consultation-cancel = Отменить запрос
consultation-assign = 👤 Назначить методиста

consultation-new = 💬 Новый запрос на консультацию.
consultation-taken = ✋ Ваш запрос взял методист: { $name }. Он предложит время.
consultation-taken-by-you = Запрос ваш. Предложите педагогу время и место или ссылку.
consultation-taken-by-other = Запрос № { $id } взял(а) { $name }.
consultation-ask-when = Когда провести консультацию? Напишите дату и время, например: { $example }
consultation-ask-place = Где? Адрес и кабинет или ссылка на видеосвязь.
consultation-proposed = Время предложено педагогу.
consultation-time-offered = 🕒 Методист предлагает время консультации.
consultation-confirmed-by-you = Время подтверждено. Накануне бот напомнит.
consultation-confirmed = ✅ Педагог подтвердил время консультации.
consultation-other-asked = Методист получит просьбу предложить другое время.
consultation-other-time-asked = 🔁 Педагог просит другое время.
consultation-done-by-you = Отмечено: консультация проведена. Педагога попросим оценить её.
consultation-rate-please = ✅ Методист отметил консультацию как проведённую. Оцените её, пожалуйста: от 1 до 5 звёзд.
consultation-rated = Спасибо за оценку!
consultation-ask-comment = Если хотите, напишите пару слов о консультации — или нажмите /cancel.
consultation-thanks = Спасибо, отзыв сохранён.
consultation-ask-reason = Почему запрос отклонён? Причину увидит педагог.
consultation-declined-by-you = Запрос отклонён, педагог получит причину.
consultation-declined = ❌ Запрос на консультацию отклонён.
consultation-cancelled-by-you = Запрос отменён.
consultation-cancelled = Педагог отменил запрос на консультацию.
consultation-assign-choose = Кому из методистов назначить запрос?
consultation-assigned-by-you = Методист назначен.
consultation-assigned = 👤 Координатор назначил методиста.
consultation-escalated = ⚠️ Запрос на консультацию никто не взял в срок. Назначьте методиста.
consultation-reminder = ⏰ Напоминание: консультация завтра.
notice-kind-consult_escalate = запрос без методиста
notice-kind-consult_reminder = напоминание о консультации

consultation-error-not-found = Такой запрос не найден.
consultation-error-taken = Этот запрос уже взял другой методист (или его передали координатору).
consultation-error-state = Нельзя перевести запрос из состояния «{ $old }» в «{ $new }».
consultation-error-state-now = Сейчас это сделать нельзя: запрос уже в другом состоянии. Откройте его заново.
consultation-error-not-yours = Это может сделать только методист, у которого запрос, или координатор.
consultation-error-no-organisation = Сначала укажите в профиле методическую службу: нажмите /start.
consultation-error-no-methodist = Этот человек не методист актива.
consultation-error-not-methodist = Предметы и направления задают методисты актива.
consultation-error-rated = Оценка уже поставлена.
consultation-error-topic = Опишите тему — от { $min } до { $max } знаков, например: подготовка к конкурсу «Учитель года».
consultation-error-wishes = Напишите, когда вам удобно — от { $min } до { $max } знаков, например: после 15:00 по вторникам.
consultation-error-reason = Напишите причину — от { $min } до { $max } знаков.
consultation-error-place = Напишите место или ссылку — от { $min } до { $max } знаков, например: ИМЦ, каб. 5.
consultation-error-comment = Отзыв — до { $max } знаков.
consultation-error-rating = Оценка — от { $min } до { $max }.

methodist-profile = 🎯 Вам предлагаются запросы:
    по предметам: { $subjects }
    по направлениям: { $directions }
    Нажмите направление, чтобы включить или выключить его.
methodist-joined = 🎯 Вы методист актива: вам будут предлагаться запросы педагогов на консультации. Проверьте, по каким предметам и направлениям — предмет уже взят из вашей регистрации.
methodist-any = любым
methodist-ask-subjects = Напишите предметы через запятую, например: математика, физика. Чтобы брать запросы по любым предметам, отправьте «-».
profile-subjects-edit = ✏️ Предметы

consult-report-choose = За какой период отчёт?
consult-report-period-month = Текущий месяц
consult-report-period-last = Прошлый месяц
consult-report-period-year = Учебный год (с сентября)
consult-report-title = Консультации
consult-report-summary = 📊 Консультации с { $since } по { $until }: всего { $total }.
    Среднее время до взятия: { NUMBER($take, minimumFractionDigits: 1, maximumFractionDigits: 1) } ч, до проведения: { NUMBER($hold, minimumFractionDigits: 1, maximumFractionDigits: 1) } ч.
    Средняя оценка: { NUMBER($rating, minimumFractionDigits: 1, maximumFractionDigits: 1) } (оценок: { $ratings }).
consult-report-line = • { $name }: { $count }
consult-report-column-id = №
consult-report-column-created = Создан
consult-report-column-status = Состояние
consult-report-column-direction = Направление
consult-report-column-subject = Предмет
consult-report-column-school = Школа
consult-report-column-teacher = Педагог
consult-report-column-methodist = Методист
consult-report-column-taken-hours = Взят через, ч
consult-report-column-held-hours = Проведена через, ч
consult-report-column-rating = Оценка
consult-report-summary-rows-sheet = Запросы
consult-report-summary-summary-sheet = Итоги
consult-report-summary-total = Всего запросов
consult-report-summary-by-status = По состоянию
consult-report-summary-by-direction = По направлениям
consult-report-summary-by-subject = По предметам
consult-report-summary-by-school = По школам
consult-report-summary-by-methodist = По методистам
consult-report-summary-average-take = Среднее время до взятия, ч
consult-report-summary-average-hold = Среднее время до проведения, ч
consult-report-summary-average-rating = Средняя оценка
consult-report-summary-ratings-count = Оценок
