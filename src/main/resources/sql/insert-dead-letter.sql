INSERT INTO dead_letters (source, message_id, reason, description, payload)
VALUES (:#${exchangeProperty.source}, :#${exchangeProperty.messageId}, :#${exchangeProperty.deadLetterReason},
        :#${exchangeProperty.deadLetterDescription}, :#${exchangeProperty.batchMessage})
ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING
