import {
  isSensorProblemKind,
  readSensorFailure,
  registryErrorStatus,
  SensorErrorAnswer,
} from './sensorAnswers';

// Each sensor problem's status is checked over HTTP in the sensor's tests.
describe('registryErrorStatus', () => {
  it('answers registry failures as a gateway', () => {
    expect(registryErrorStatus('not-found')).toBe(404);
    expect(registryErrorStatus('rate-limited')).toBe(429);
    expect(registryErrorStatus('timeout')).toBe(504);
    expect(registryErrorStatus('unauthorized')).toBe(502);
    expect(registryErrorStatus('denied')).toBe(502);
  });
});

describe('isSensorProblemKind', () => {
  it('knows the kinds and nothing else', () => {
    expect(isSensorProblemKind('overloaded')).toBe(true);
    expect(isSensorProblemKind('internal')).toBe(true);
    expect(isSensorProblemKind('toString')).toBe(false);
    expect(isSensorProblemKind('sensor-protocol')).toBe(false);
    expect(isSensorProblemKind(503)).toBe(false);
    expect(isSensorProblemKind(undefined)).toBe(false);
  });
});

describe('readSensorFailure', () => {
  it('reads a sensor problem as the sensor sends it', () => {
    const answer: SensorErrorAnswer = {
      error: {
        name: 'SensorProblem',
        kind: 'overloaded',
        message: 'busy',
        retryAfterMs: 10_000,
      },
    };
    expect(readSensorFailure(JSON.parse(JSON.stringify(answer)))).toEqual({
      name: 'SensorProblem',
      fields: answer.error,
    });
  });

  it('reads a registry error without checking its fields', () => {
    const body = { error: { name: 'RegistryError', kind: 'made-up' } };
    expect(readSensorFailure(body)).toEqual({
      name: 'RegistryError',
      fields: body.error,
    });
  });

  it.each([
    ['a proxy page', '<html>Bad Gateway</html>'],
    ['null', null],
    ['a number', 502],
    ['no error', { tags: [] }],
    ['an error string', { error: 'boom' }],
    ['a null error', { error: null }],
    ['an error of another name', { error: { name: 'Error', message: 'x' } }],
  ])('finds no failure in %s', (_, body) => {
    expect(readSensorFailure(body)).toBeUndefined();
  });
});
