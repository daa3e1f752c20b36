## Протокол (п. 4.10): черновик, подпись, рассылка, исправления, выписки, архив, шаблон.

command-minutes = Протоколы
card-minutes = 📝 Протокол
card-extract = 📄 Выписка из протокола
org-template = 📄 Шаблон протокола

minutes-title = 📝 Протокол № { $number }: { $body }, заседание { $date } — { $status }
minutes-status-draft = черновик
minutes-status-review = на подписи
minutes-status-signed = подписан и отправлен
minutes-status-superseded = заменён исправленной редакцией
minutes-reason = Исправленная редакция. Причина: { $reason }
minutes-returned = Возвращён на доработку: { $comment }
minutes-item = { $number }. { $title } — слушали / выступили / решили: { $marks }
minutes-fill = ✏️ Вопрос { $number }
minutes-preview = 👁 Предпросмотр (DOCX)
minutes-preview-caption = Проект протокола. Проверьте и нажмите «Отправить на подпись».
minutes-submit = ✍️ Отправить на подпись
minutes-download = 📄 Скачать протокол
minutes-correct = ✏️ Исправить (новая редакция)
minutes-skip = Пропустить
minutes-current = Сейчас записано: { $text }
minutes-ask-heard = Вопрос { $number }. { $title }
    СЛУШАЛИ (докладчик: { $speaker }): кратко изложите доклад. Чтобы оставить пустым, нажмите «Пропустить»; чтобы стереть — отправьте «-».
minutes-ask-spoke = Вопрос { $number }. ВЫСТУПИЛИ: кто выступал и что сказал, например: Иванова М. П. — предложила дополнить план конкурсом. Или «Пропустить».
minutes-ask-decided = Вопрос { $number }. РЕШИЛИ: текст решения, например: Утвердить план работы на второе полугодие. Итоги голосования бот добавит сам.
minutes-for-signature = ✍️ Протокол № { $number } заседания «{ $body }» от { $date } ждёт вашей подписи. Файл — ниже.
minutes-sign = ✅ Подписать
minutes-send-back = ↩️ Вернуть на доработку
minutes-chair-absent = Я отсутствую — подпишет заместитель
minutes-signed-by-you = Протокол № { $number } ({ $body }) подписан. Его получают все члены и приглашённые.
minutes-signed-answer = Подписано.
minutes-passed-to-deputy = Протокол передан на подпись заместителю председателя: { $name }.
minutes-ask-comment = Что нужно исправить? Напишите комментарий для секретаря.
minutes-sent-back = Протокол № { $number } возвращён секретарю на доработку.
minutes-returned-notice = ↩️ Протокол № { $number } ({ $body }) возвращён на доработку. Комментарий: { $comment }
minutes-ask-reason = Почему нужна исправленная редакция? Причину увидят все члены совета, например: исправлена фамилия докладчика.
minutes-extract-choose = Выписку по какому вопросу сделать?
minutes-error-not-closed = Протокол составляется после заседания: сначала завершите голосование («Заседание в зале» или «Ход голосования»).
minutes-error-not-found = Такой протокол не найден.
minutes-error-not-draft = Протокол уже отправлен на подпись или подписан: изменить его нельзя. Для исправлений — «Исправить (новая редакция)».
minutes-error-not-review = Этот протокол сейчас не ждёт подписи.
minutes-error-not-signer = Подписывает протокол председатель, а если он отсутствует — заместитель.
minutes-error-no-signer = В составе нет роли «{ $role }»: назначьте её, чтобы протокол было кому подписать.
minutes-error-not-signed = Подписанного протокола этого заседания пока нет.
minutes-error-reason = Причина — от 3 до 500 знаков, например: исправлена фамилия докладчика.
minutes-error-too-long = Слишком длинный текст: до { $max } знаков. Сократите, пожалуйста.

notice-minutes = 📄 Протокол № { $number } заседания «{ $body }» от { $date }.
notice-minutes-corrected = 📄 Исправленная редакция протокола № { $number } заседания «{ $body }» от { $date }. Причина: { $reason }
notice-minutes-reminder = 📝 Протокол заседания «{ $body }» от { $date } ещё не отправлен членам. Срок — { $deadline } (п. 4.10).
notice-minutes-last-call = ⚠️ { $days ->
        [0] Сегодня последний день
        [one] Остался { $days } день
        [few] Осталось { $days } дня
       *[many] Осталось { $days } дней
    }: протокол заседания «{ $body }» от { $date } нужно отправить членам до { $deadline } (п. 4.10).
notice-minutes-overdue = ⚠️ Срок истёк: протокол заседания «{ $body }» от { $date } должен был дойти до членов до { $deadline } (п. 4.10), но не отправлен.
notice-button-minutes = 📝 Открыть протокол
notice-kind-minutes_reminder = напоминание о протоколе
notice-kind-minutes_last_call = напоминание о протоколе (2 дня)
notice-kind-minutes_overdue = протокол просрочен
notice-kind-minutes = протокол

archive-title = Подписанные протоколы: { $count }. Нажмите, чтобы скачать.
archive-line = № { $number } — { $body }, { $date }{ $version }
archive-version = { " " }(редакция { $version })
archive-empty = Подписанных протоколов пока нет.

template-ask = Пришлите шаблон протокола (DOCX с вашим бланком). Бот проверит его на примере заседания и только тогда заменит стандартный.
template-saved = Шаблон сохранён: новые протоколы будут на вашем бланке.
template-error-not-docx = Это не файл Word (DOCX). Пришлите шаблон в формате .docx.
template-error-syntax = В шаблоне ошибка в полях для подстановки: { $detail }. Старый шаблон оставлен.
template-error-render = Шаблон не удалось заполнить примером заседания: { $detail }. Старый шаблон оставлен.
template-error-missing = В шаблоне нет полей протокола (номер, вопросы повестки): бот не сможет его заполнить. Старый шаблон оставлен.

protocol-chair = Председатель
protocol-deputy = Заместитель председателя
protocol-signed = Подписан: { $name }, { $at }
protocol-version = Исправленная редакция № { $version } от { $date }. Причина: { $reason }
protocol-quorum = Участвуют { $participants } из { $roster }: { $valid ->
        [yes] кворум имеется
       *[other] кворума нет
    } (нужно { $quorum_needed }); { $may ->
        [yes] решения принимаются
       *[other] решения не принимаются
    } (нужно { $decision_needed }).
# Attendance as the протокол states it once, in the past tense; «из 21 члена», «из 10 членов».
protocol-attendance = { $form ->
        [in_person] Присутствовали
        [absentee] Приняли участие в заочном голосовании
       *[other] Приняли участие
    }: { $participants } из { $roster } { $roster ->
        [one] члена
       *[other] членов
    }; { $valid ->
        [yes] кворум имеется
       *[other] кворума нет
    }, { $may ->
        [yes] решения могут приниматься
       *[other] решения приниматься не могут
    }.
protocol-ways = Участие: в зале — { $in_room }, по опросным листам — { $by_ballot }; кворум определён по тем и другим вместе, каждый член учтён один раз (п. 4.6); присутствовавшие в зале голосовали в зале.
