import { ApiError, describeError, fieldError, listFieldError } from './errors';

const validation = ApiError.from(400, {
  error: {
    code: 'VALIDATION_FAILED',
    message: 'The request is invalid',
    details: [
      { field: 'asins.1', message: 'an ASIN is 10 letters or digits' },
      { field: 'title', message: 'Too short' },
    ],
  },
});

describe('API errors', () => {
  it('finds the message of one field', () => {
    expect(fieldError(validation, 'title')).toBe('Too short');
    expect(fieldError(validation, 'asins')).toBeUndefined();
    expect(fieldError(new Error('x'), 'title')).toBeUndefined();
  });

  it('finds the message of an item of a list field, naming the item', () => {
    expect(listFieldError(validation, 'asins')).toBe('item 2: an ASIN is 10 letters or digits');
    expect(listFieldError(validation, 'title')).toBe('Too short');
    expect(listFieldError(validation, 'events')).toBeUndefined();
  });

  it('describes the error with its fields', () => {
    expect(describeError(validation)).toBe('The request is invalid (asins.1: an ASIN is 10 letters or digits; title: Too short)');
  });
});
