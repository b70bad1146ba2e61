import { describe, expect, it } from 'vitest';
import { channelRejection } from '../../../src/domain/cases/channel.js';

describe('who receives through which channel', () => {
  it('a village room registers agent cases only', () => {
    expect(channelRejection('agent', 'village')).toBeNull();
    expect(channelRejection('window', 'village')?.code).toBe('CHANNEL_NOT_ALLOWED');
  });
  it('a township or county center registers window and kiosk cases, never agent or online ones', () => {
    for (const level of ['township', 'county'] as const) {
      expect(channelRejection('window', level)).toBeNull();
      expect(channelRejection('kiosk', level)).toBeNull();
      expect(channelRejection('agent', level)?.message).toContain('村便民服务室');
      expect(channelRejection('online', level)?.message).toContain('网上办事大厅');
    }
  });
  it('an online case is opened only by a township or county window accepting an online application', () => {
    expect(channelRejection('online', 'township', true)).toBeNull();
    expect(channelRejection('online', 'county', true)).toBeNull();
    expect(channelRejection('online', 'village', true)?.code).toBe('CHANNEL_NOT_ALLOWED');
    expect(channelRejection('window', 'township', true)?.code).toBe('CHANNEL_NOT_ALLOWED');
  });
});
