/** The service's configuration, read from the environment: shared by the API and the CLI. */
export * from './config';
