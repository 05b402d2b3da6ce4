/** Build-time constants injected by Forge's Vite plugin into the main bundle. */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
