import nodemailer, { type Transporter } from 'nodemailer';
import type { Notification } from './offer-notification.js';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** Sends notifications through the seller's own SMTP server. */
export class SmtpNotifier {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    const { host, port, secure, user, password } = settings;
    this.transport = nodemailer.createTransport({ host, port, secure, auth: user ? { user, pass: password } : undefined });
  }

  async send(notification: Notification): Promise<void> {
    await this.transport.sendMail({ from: this.settings.from, to: notification.to, subject: notification.subject, text: notification.text, html: notification.html });
  }

  async check(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw new Error(`SMTP ${this.settings.host}:${this.settings.port}: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}
