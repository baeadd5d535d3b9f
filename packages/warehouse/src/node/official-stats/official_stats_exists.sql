SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'official_stats' AND table_schema = 'main'
