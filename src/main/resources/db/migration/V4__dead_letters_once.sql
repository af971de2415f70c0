-- A poison message redelivered (the broker's dead-lettering failed, or a retried message gave up twice) is kept
-- once: dead letters are unique per message id.
DELETE FROM dead_letters d
 USING dead_letters older
 WHERE d.message_id = older.message_id AND d.id > older.id;

CREATE UNIQUE INDEX dead_letters_message ON dead_letters (message_id) WHERE message_id IS NOT NULL;
