import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { ClaimedMessage } from '../db/repositories/outbox.repository';

/** Delivers one message. Throwing means "not delivered": the worker tries again later. */
export interface MessageTransport {
  send(message: ClaimedMessage): Promise<void>;
}

export interface Transports {
  email: MessageTransport;
  sms: MessageTransport;
}

/** Email through SMTP (nodemailer), with the iCalendar file as an attachment and as a calendar part. */
export class SmtpTransport implements MessageTransport {
  constructor(
    private readonly mailer: Transporter,
    private readonly from: string,
  ) {}

  static fromUrl(url: string, from: string): SmtpTransport {
    return new SmtpTransport(nodemailer.createTransport(url), from);
  }

  async send(m: ClaimedMessage): Promise<void> {
    await this.mailer.sendMail({
      from: this.from,
      to: m.to_address,
      subject: m.subject,
      text: m.body,
      ...(m.attachment && m.attachment_name
        ? {
            attachments: [{ filename: m.attachment_name, content: m.attachment, contentType: m.attachment_type ?? 'application/octet-stream' }],
            ...(m.attachment_type?.startsWith('text/calendar')
              ? { icalEvent: { method: /method=(\w+)/i.exec(m.attachment_type)?.[1] ?? 'REQUEST', content: m.attachment } }
              : {}),
          }
        : {}),
    });
  }
}

/**
 * Development: writes that a message would have gone, never its content or address (those are personal data);
 * the content stays readable on the admin's development outbox page.
 */
export class LogTransport implements MessageTransport {
  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly channel: 'email' | 'sms',
  ) {}

  async send(m: ClaimedMessage): Promise<void> {
    this.log.info({ outboxId: m.id, channel: this.channel, attempt: m.attempts }, 'message delivered to the log transport');
  }
}

/** Tests: keeps what was sent. */
export class MemoryTransport implements MessageTransport {
  readonly sent: ClaimedMessage[] = [];
  failNext = 0;

  async send(m: ClaimedMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('transport unavailable');
    }
    this.sent.push(m);
  }
}
