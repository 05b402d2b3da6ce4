// Outside src-main/app, main.ts and preload.ts, `electron` resolves here (tsconfig paths), so any
// import from it fails to compile: "Module '…electron-is-forbidden-here' has no exported member …".
export {};
