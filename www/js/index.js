import { start } from './pagina.js';
start(null);
