-- Whether the table or view ? is in the warehouse.
SELECT count(*) > 0 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?
