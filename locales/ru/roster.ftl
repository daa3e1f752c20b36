## Состав совета или объединения.

body-title = { $kind }: { $name }
    Предмет: { $subject }
    Членов с правом голоса: { $members }, приглашённых: { $guests }
    В Telegram: { $telegram } из { $total }
body-roster = 👥 Состав
body-invite = ✉️ Пригласить
body-add = ➕ Добавить без Telegram
body-import = 📥 Загрузить CSV
body-export = 📤 Выгрузить CSV
body-rules = ⚙️ Правила

roster-title = Состав «{ $body }»: { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[other] { $count } человек
    }
roster-line = { $number }. { $name } — { $role } { $mark }
roster-empty = Пока никого нет. Пригласите людей по ссылке, загрузите CSV или добавьте вручную.
roster-page = Страница { $page } из { $pages }
roster-mark-ok = ✅
roster-mark-blocked = ⛔ не получает сообщения (остановил бота)
roster-mark-no-telegram = ✉️ без Telegram

member-card = { $name }
    Школа: { $school }
    Предмет: { $subject }
    Роль: { $role }, с { $since }
    Telegram: { $mark }
member-change-role = Изменить роль
member-remove = Исключить из состава
member-link = Ссылка для входа в Telegram
member-choose-role = Новая роль для: { $name }
member-role-changed = Роль изменена.
member-remove-confirm = Исключить { $name } из «{ $body }»? История членства сохранится.
member-remove-yes = Да, исключить
member-removed = { $name } больше не в составе.

roster-error-member-gone = Этого человека уже нет в составе. Откройте состав заново.
roster-error-same-role = У человека уже эта роль.
roster-error-leadership = Назначить председателя, заместителя или секретаря может только координатор или председатель.
roster-error-already-member = { $name } уже в составе.
roster-error-already-linked = { $name } уже входит в бот через Telegram: ссылка не нужна.

add-ask-name = Добавляем человека без Telegram: он будет в составе, учитывается в кворуме, а бюллетени за него вносит секретарь.
    Напишите ФИО полностью, например: Петрова Анна Сергеевна
add-ask-school = Школа или организация? Например: МОУ СОШ № 3
add-ask-subject = Предмет? Например: история
add-ask-role = Роль в составе:
add-done = Добавлено. Если у человека появится Telegram, отправьте ему личную ссылку для входа.

import-ask-file = Пришлите файл CSV со списком. В первой строке — названия столбцов:
    ФИО; Школа; Предмет — обязательные;
    Должность; Роль; Категория; Стаж; Образование; Telegram ID — по желанию.
    Подойдёт файл из Excel: «Сохранить как → CSV (разделители — точка с запятой)».
    Сначала бот всё проверит и покажет, кого добавит; ничего не сохранится без вашего подтверждения.
import-error-not-file = Пришлите файл CSV документом (скрепка → Файл). Чтобы прервать, нажмите /cancel.
import-preview = Файл в порядке. Будет добавлено: { $new }. Уже в составе (пропущены): { $present }.
import-preview-line = • стр. { NUMBER($line, useGrouping: 0) }: { $name } — { $role }
import-preview-more = …и ещё { $count }
import-confirm = Добавить ({ $count })
import-nothing-new = Все люди из файла уже в составе ({ $present }). Добавлять некого.
import-done = Готово: добавлено { $count }, уже были в составе: { $present }.
export-caption = Состав «{ $body }». Файл открывается в Excel; его же можно загрузить обратно.

roster-csv-more = …и ещё { $count ->
        [one] { $count } ошибка
        [few] { $count } ошибки
       *[many] { $count } ошибок
    }
roster-csv-fix-and-resend = Исправьте файл и пришлите его снова, или нажмите /cancel.
