import { describe, expect, it } from 'vitest';
import { parseCloseMessage } from './close-message';

describe('the control channel between instances', () => {
  it('acts only on close messages it can read', () => {
    expect(parseCloseMessage('{"reason":"Maintenance","from":"a"}')).toEqual({ reason: 'Maintenance', from: 'a' });
    for (const message of ['{"reason":1,"from":"a"}', '{"from":"a","reason":"x\\u0007"}', 'hello', '[]', `{"reason":"${'x'.repeat(201)}","from":"a"}`]) {
      expect(parseCloseMessage(message), message).toBeNull();
    }
  });
});
