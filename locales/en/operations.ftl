## Operations: who am I (/id) and the bot's health (/status).

command-id = My Telegram ID
command-status = The bot's health

id-yours = Your Telegram ID: { $id }
    It is what makes you a coordinator (the line COORDINATOR_IDS={ $id } in the settings, or the command councilbot add-coordinator { $id }). Secretaries never need it.

status-not-allowed = Only coordinators can see the bot's health.
status-title = The methodical service bot, version { $version }
status-uptime = Running since the last restart: { $uptime }
status-database = Database: { $path } ({ $size })
status-size-unknown = size unknown
status-backup = Last backup: { $when }, { $age } ago ({ $size })
status-backup-none = No backups yet: the bot makes one a day.
status-backup-pg = PostgreSQL is backed up with pg_dump, not by the bot.
status-notices = Notices waiting: { $open }, stuck for over an hour: { $stuck }
status-failed = Not delivered in the last day: { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }
status-unreachable = Stopped the bot: { $count ->
        [one] { $count } person
       *[other] { $count } people
    }

size-kb = { $count } kB
size-mb = { $count } MB
duration-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
duration-hours = { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
duration-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }

alert-backup-failed = ⚠️ The bot could not make its daily backup of the database: { $error }
    The data are intact so far, but there is no new copy. Please pass this on to whoever looks after the bot; its health: /status.
alert-notice-stuck = ⚠️ { $count ->
        [one] { $count } notice has
       *[other] { $count } notices have
    } not gone out for over an hour after they were due. Please pass this on to whoever looks after the bot; its health: /status.
