-- The query side's own database (read tables and projection tokens).
CREATE DATABASE badges_query OWNER badges;
