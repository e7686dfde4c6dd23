import { contextBridge } from 'electron';
contextBridge.exposeInMainWorld('boucle', {});
