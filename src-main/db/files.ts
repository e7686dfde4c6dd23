// The files of a workspace in its data folder.
export const DATABASE_FILE = 'boucle.sqlite';
