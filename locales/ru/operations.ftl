## Служебное: кто я (/id) и состояние бота (/status).

command-id = Мой Telegram ID
command-status = Состояние бота

id-yours = Ваш Telegram ID: { $id }
    Его спрашивают, чтобы назначить вас координатором (строка COORDINATOR_IDS={ $id } в настройках или команда councilbot add-coordinator { $id }). Секретарям его знать не нужно.

status-not-allowed = Состояние бота видят только координаторы.
status-title = Бот методической службы, версия { $version }
status-uptime = Работает без перезапуска: { $uptime }
status-database = База данных: { $path } ({ $size })
status-size-unknown = размер неизвестен
status-backup = Последняя резервная копия: { $when }, { $age } назад ({ $size })
status-backup-none = Резервных копий ещё нет: бот делает копию раз в сутки.
status-backup-pg = Резервные копии PostgreSQL делает pg_dump, не бот.
status-notices = Извещения в очереди: { $open }, из них зависли больше часа: { $stuck }
status-failed = Не доставлено за сутки: { $count ->
        [one] { $count } сообщение
        [few] { $count } сообщения
       *[other] { $count } сообщений
    }
status-unreachable = Остановили бот: { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[other] { $count } человек
    }

size-kb = { $count } КБ
size-mb = { $count } МБ
duration-days = { $count ->
        [one] { $count } день
        [few] { $count } дня
       *[other] { $count } дней
    }
duration-hours = { $count ->
        [one] { $count } час
        [few] { $count } часа
       *[other] { $count } часов
    }
duration-minutes = { $count ->
        [one] { $count } минуту
        [few] { $count } минуты
       *[other] { $count } минут
    }

alert-backup-failed = ⚠️ Бот не смог сделать ежедневную резервную копию базы данных: { $error }
    Данные пока целы, но новой копии нет. Передайте это тому, кто обслуживает бот; состояние — /status.
alert-notice-stuck = ⚠️ { $count ->
        [one] { $count } извещение не отправлено
        [few] { $count } извещения не отправлены
       *[other] { $count } извещений не отправлены
    } больше часа после срока. Передайте это тому, кто обслуживает бот; состояние — /status.
