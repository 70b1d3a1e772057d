export * from "./StaticFrontend";
export * from "./PrivateBucket";
export * from "./providers";
export * from "./dns";
