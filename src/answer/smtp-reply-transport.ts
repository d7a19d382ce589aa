import nodemailer, { type Transporter } from 'nodemailer';
import type { CustomerMail } from './customer-mail.js';
import { mailOptionsOf } from './mail-options.js';
import { ReplyRefused, type ReplyTransport } from './reply-transport.js';

export interface SmtpServer {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

/** A refusal names the SMTP reply it came with; a dropped connection or a timeout has none, and may have come after the server took the mail. */
const refusedByServer = (error: unknown): error is Error & { responseCode: number } =>
  error instanceof Error && typeof (error as { responseCode?: unknown }).responseCode === 'number';

export class SmtpReplyTransport implements ReplyTransport {
  private readonly transport: Transporter;

  constructor(private readonly server: SmtpServer) {
    const { host, port, secure, user, password } = server;
    this.transport = nodemailer.createTransport({ host, port, secure, auth: user ? { user, pass: password } : undefined });
  }

  async send(mail: CustomerMail): Promise<void> {
    try {
      await this.transport.sendMail(mailOptionsOf(mail));
    } catch (error) {
      const where = `SMTP ${this.server.host}:${this.server.port}`;
      if (refusedByServer(error)) throw new ReplyRefused(`${where} refused the mail: ${error.message}`);
      throw new Error(`${where}: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}
