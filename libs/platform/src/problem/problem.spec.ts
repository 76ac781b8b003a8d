import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ErrorCode, WireError } from '@wiredesk/contracts';
import { ProblemException, toProblem } from './problem';

describe('toProblem', () => {
  it('keeps the status and code of a ProblemException', () => {
    const p = toProblem(new ProblemException(400, ErrorCode.EMPTY_INPUT, 'The request body is empty.'));
    expect(p).toEqual({
      type: 'https://wiredesk.dev/problems/empty-input',
      title: 'Bad request',
      status: 400,
      detail: 'The request body is empty.',
      code: 'EMPTY_INPUT',
    });
  });

  it('maps a WireError to 400 with its stable code', () => {
    const p = toProblem(new WireError(ErrorCode.MALFORMED_XML, 'Unclosed tag at line 3.'));
    expect(p).toMatchObject({ status: 400, code: 'MALFORMED_XML', detail: 'Unclosed tag at line 3.' });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('no such article'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(toProblem(new BadRequestException(['a must be set', 'b too']))).toMatchObject({
      status: 400,
      detail: 'a must be set; b too',
    });
  });

  it('maps a body-parser size error to 413 TOO_LARGE', () => {
    const err = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
      expose: true,
    });
    expect(toProblem(err)).toMatchObject({ status: 413, code: 'TOO_LARGE' });
  });

  it('hides the message of unexpected errors', () => {
    const p = toProblem(new Error('connection string mongodb://user:secret@host'));
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toContain('secret');
  });
});
