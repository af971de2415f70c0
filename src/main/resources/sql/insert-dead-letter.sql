INSERT INTO dead_letters (source, message_id, reason, description, payload)
VALUES (:#${exchangeProperty.source}, :#${exchangeProperty.messageId}, :#${exchangeProperty.deadLetterReason},
        :#${exchangeProperty.deadLetterDescription}, :#${exchangeProperty.batchMessage})
