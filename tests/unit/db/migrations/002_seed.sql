INSERT INTO users (username) VALUES ('admin');
INSERT INTO users (username) VALUES ('devtable');
