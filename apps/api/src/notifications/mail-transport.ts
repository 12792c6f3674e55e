import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  locale: string;
}

/** What the SMTP server said when it refused a message; 5xx means it will never take it. */
export class MailRejected extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** A pooled SMTP connection (nodemailer) to the server of SMTP_URL. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.mail.smtpUrl;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const transporter = this.connection();
    try {
      await transporter.sendMail({
        from: this.config.mail.from ?? undefined,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { ...mail.headers, 'Content-Language': mail.locale },
      });
    } catch (error) {
      const e = error as Error & { responseCode?: number; code?: string };
      throw new MailRejected(
        `${e.code ?? 'SMTP'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message}`.slice(0, 500),
        !!e.responseCode && e.responseCode >= 500,
      );
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
    this.transporter = null;
  }

  private connection(): Transporter {
    if (!this.config.mail.smtpUrl) throw new MailRejected('SMTP_URL is not set', false);
    this.transporter ??= createTransport({
      url: this.config.mail.smtpUrl,
      pool: true,
      maxConnections: this.config.mail.connections,
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transporter;
  }
}
