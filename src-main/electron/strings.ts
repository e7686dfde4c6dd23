// The few texts the native shell shows itself (menus, dialogs), in English and French. The
// renderer has its own i18n; the shell follows the system language because it speaks before the
// renderer has loaded (e.g. when the workspace is refused).

const en = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  help: 'Help',
  quit: 'Quit Boucle',
  about: 'About Boucle',
  showDataFolder: 'Show data folder',
  newWorkspace: 'New workspace…',
  openWorkspace: 'Open workspace…',
  openRecent: 'Open recent',
  clearRecent: 'Clear recent workspaces',
  importMeasurements: 'Import measurements…',
  importBpmn: 'Import BPMN…',
  export: 'Export…',
  report: 'Report…',
  shortcuts: 'Keyboard shortcuts',
  documentation: 'Documentation',
  aboutDetail: (version: string, dataDir: string) =>
    `Version ${version}\n\nData folder:\n${dataDir}\n\nMap processes, close gaps with social interventions, prove it with indicators.`,
  loadFailedTitle: 'Boucle could not load its window',
  workspaceRefusedTitle: 'Boucle cannot open this workspace',
  workspaceRefused: (reason: string, dataDir: string) =>
    `${reason}\n\nData folder: ${dataDir}\n\nThe file was left untouched. Start Boucle with another data folder (--data DIR), or use a newer version of Boucle.`,
};

export type ShellStrings = typeof en;

const fr: ShellStrings = {
  file: 'Fichier',
  edit: 'Édition',
  view: 'Affichage',
  help: 'Aide',
  quit: 'Quitter Boucle',
  about: 'À propos de Boucle',
  showDataFolder: 'Afficher le dossier des données',
  newWorkspace: 'Nouvel espace de travail…',
  openWorkspace: 'Ouvrir un espace de travail…',
  openRecent: 'Ouvrir un espace récent',
  clearRecent: 'Effacer la liste des espaces récents',
  importMeasurements: 'Importer des mesures…',
  importBpmn: 'Importer un BPMN…',
  export: 'Exporter…',
  report: 'Rapport…',
  shortcuts: 'Raccourcis clavier',
  documentation: 'Documentation',
  aboutDetail: (version, dataDir) =>
    `Version ${version}\n\nDossier des données :\n${dataDir}\n\nCartographier les processus, combler les écarts par des interventions sociales, le prouver par des indicateurs.`,
  loadFailedTitle: "Boucle n'a pas pu charger sa fenêtre",
  workspaceRefusedTitle: "Boucle ne peut pas ouvrir cet espace de travail",
  workspaceRefused: (reason, dataDir) =>
    `${reason}\n\nDossier des données : ${dataDir}\n\nLe fichier n'a pas été modifié. Lancez Boucle avec un autre dossier de données (--data DOSSIER) ou utilisez une version plus récente de Boucle.`,
};

export const SHELL_STRINGS = { en, fr } as const;

/** French for any French locale (fr, fr-FR, fr-CA…), English otherwise. */
export function shellStrings(locale: string | undefined): ShellStrings {
  return locale?.toLowerCase().startsWith('fr') ? fr : en;
}
