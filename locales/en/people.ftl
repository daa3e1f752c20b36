## Problems with what a person entered: the profile and the roster spreadsheet.

people-error-name-words = Please write the full name: surname, first name and patronymic, for example: Ivanova Maria Petrovna
people-error-name-chars = A name may contain only letters, hyphens and apostrophes, but here it is “{ $value }”. For example: Saltykov-Shchedrin Mikhail Evgrafovich
people-error-name-length = The name is too long: { $length } characters, up to { $max } are allowed. Write only the surname, first name and patronymic, for example: Ivanova Maria Petrovna
people-error-school = Please write the name of the school or organisation, { $min } to { $max } characters, for example: School No. 3 or Gymnasium No. 1
people-error-subject = Please write the subject in words, { $min } to { $max } characters; besides letters, spaces, hyphens, commas and parentheses are allowed. For example: Russian language and literature, or Art
people-error-position = Please write the position, { $min } to { $max } characters, for example: mathematics teacher
people-error-experience = Please give the teaching experience as a whole number of years from { $min } to { $max }, for example: 12
people-error-start-year = The year you started, «{ $value }», should be between { $min } and { $max }. Or write the number of years, for example: 12
people-error-date = Could not read the date «{ $value }». Please write it like this: 25.12.2023
people-error-date-future = The date «{ $value }» has not come yet. Please write the date of the order awarding the category, for example: 25.12.2023
people-error-date-old = The date «{ $value }» is too early: please give a date not before { $min }.
people-error-note = A note should be { $min } to { $max } characters long; this one has { $length }.
people-error-category = The category “{ $value }” is not recognised. Write one word: none, first or highest
people-error-education = The education “{ $value }” is not recognised. Write one of: higher pedagogical, higher, secondary professional, other
people-error-role = The role “{ $value }” is not recognised. Write one of: chair, deputy, secretary, member, guest, methodist. A methodist can also have a role, for example: secretary, methodist
people-error-telegram-id = A Telegram ID is a number, for example: 123456789, but here it is “{ $value }”. A username like @ivanova will not do. If the ID is not known, leave the field empty
people-error-active = Please write “yes” or “no”, but here it is “{ $value }”. An empty cell means “yes”

## Importing a roster from a spreadsheet (CSV).

roster-csv-invalid = { $count ->
        [one] There is { $count } error in the file
       *[other] There are { $count } errors in the file
    }. Nobody was added: please fix the file and send it again.
roster-csv-line = { $column ->
        [none] Line { NUMBER($line, useGrouping: 0) }: { $problem }
       *[other] Line { NUMBER($line, useGrouping: 0) }, “{ $column }”: { $problem }
    }
roster-csv-duplicate = This person is already on line { NUMBER($first_line, useGrouping: 0) }. Keep one of the two lines.
roster-csv-duplicate-telegram-id = Telegram ID { $value } is already given on line { NUMBER($first_line, useGrouping: 0) }, and everyone has their own ID. Check whose it is and leave the other cell empty.
roster-csv-duplicate-column = The column “{ $column }” appears twice. Keep one.
roster-csv-extra-cells = There are filled cells to the right of the table or under a column without a name ({ $columns } named columns). This usually happens when a text contains a semicolon or a comma: put such text in quotes, for example: "Gymnasium No. 1, building 2", or delete the extra cells.
roster-csv-too-large = The file is too large: up to { $max_lines } lines and { $max_mb } MB are allowed. Split the list into several files.
roster-csv-empty = The file is empty. Send a table whose first line holds the column names (full_name, school, subject) and then one person per line.
roster-csv-no-header = The first line must hold the column names, for example: full_name, school, subject, position, role. Add such a line above the list.
roster-csv-no-column = The required column { $column ->
        [full_name] “full_name”
        [school] “school”
        [subject] “subject”
       *[other] “{ $column }”
    } is missing. Add it to the first line and fill it in for everyone.
roster-csv-unknown-columns = Unknown columns: { $columns }. These can be used: full_name, school, subject, position, role, category, experience, education, telegram_id, active (or their Russian names). Fix the name or delete the column.
roster-csv-encoding = The file could not be read. Please save the table as CSV: in Excel, File → Save As → “CSV UTF-8”; in Google Sheets, File → Download → “CSV”.
roster-csv-quotes = A quote is opened on this line but never closed. Close it, for example: "School No. 3", or remove it.
