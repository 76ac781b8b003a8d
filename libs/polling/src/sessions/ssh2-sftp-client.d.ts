// The few calls the sftp source makes, typed here: ssh2-sftp-client ships no declarations.
declare module 'ssh2-sftp-client' {
  interface FileEntry {
    type: 'd' | '-' | 'l';
    name: string;
    size: number;
    modifyTime: number;
  }
  interface ConnectOptions {
    host: string;
    port?: number;
    username?: string;
    password?: string;
    privateKey?: string | Buffer;
    readyTimeout?: number;
    retries?: number;
    hostVerifier?: (key: Buffer) => boolean;
  }
  class SftpClient {
    constructor(name?: string);
    connect(options: ConnectOptions): Promise<unknown>;
    list(path: string): Promise<FileEntry[]>;
    get(path: string): Promise<Buffer | string | NodeJS.WritableStream>;
    delete(path: string, notFoundOK?: boolean): Promise<string>;
    rename(from: string, to: string): Promise<string>;
    mkdir(path: string, recursive?: boolean): Promise<string>;
    end(): Promise<boolean>;
  }
  export = SftpClient;
}
