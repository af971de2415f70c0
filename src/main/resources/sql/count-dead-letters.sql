SELECT count(*) FROM dead_letters
