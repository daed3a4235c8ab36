/** The server's sentences and their rendering live with the domain (the console renders them too). */
export * from '../domain/sentences.js';
