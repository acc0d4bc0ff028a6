// The video adapter: a join link for a booked video meeting. The default builds a Jitsi-style URL from a
// template (VIDEO_URL_TEMPLATE) with an unguessable room name, so only people given the link can join;
// a provider with an API (creating rooms, waiting rooms) would implement the same interface.
import { randomBytes } from 'node:crypto';

export interface VideoRooms {
  /** A new meeting's join URL; `hint` (the booking code) only helps staff recognise the room. */
  createMeeting(hint: string): Promise<{ joinUrl: string }>;
}

export class TemplateVideoRooms implements VideoRooms {
  constructor(private readonly template: string) {}

  async createMeeting(hint: string): Promise<{ joinUrl: string }> {
    // 128 random bits: guessing a room is hopeless, so the link itself is the key.
    const room = `${hint.toLowerCase()}-${randomBytes(16).toString('hex')}`;
    return { joinUrl: this.template.replaceAll('{room}', encodeURIComponent(room)) };
  }
}

export function createVideoRooms(config: { urlTemplate: string }): VideoRooms {
  return new TemplateVideoRooms(config.urlTemplate);
}
