import { liftLeadMetadata, matchBylineParagraph, parseDateline, splitDatelineOpening } from './lead';

describe('splitDatelineOpening', () => {
  it.each([
    ['BRUSSELS (AFP) - The United States is expected…', 'BRUSSELS (AFP) -', 'Brussels', 'AFP'],
    ['LONDON, Jan 30 (Reuters) - British factory output…', 'LONDON, Jan 30 (Reuters) -', 'London', 'Reuters'],
    ['NEW YORK (AP) — Stocks fell…', 'NEW YORK (AP) —', 'New York', 'AP'],
    ['Tegucigalpa, Jan 2 (EFE).- El Congreso…', 'Tegucigalpa, Jan 2 (EFE).-', 'Tegucigalpa', 'EFE'],
    ['Berlin (dpa) - Die Zahl…', 'Berlin (dpa) -', 'Berlin', 'dpa'],
    ['ATLANTA (AP) _ Luol Deng scored…', 'ATLANTA (AP) _', 'Atlanta', 'AP'],
    ['GROSSETO, Italy (AP) -- The trial…', 'GROSSETO, Italy (AP) --', 'Grosseto, Italy', 'AP'],
    ['PARIS, 30 jan 2024 (AFP) - Le Premier ministre…', 'PARIS, 30 jan 2024 (AFP) -', 'Paris', 'AFP'],
    ['WASHINGTON, Jan. 30, 2024 (AFP) - The Fed…', 'WASHINGTON, Jan. 30, 2024 (AFP) -', 'Washington', 'AFP'],
    ['San Diego (tca/dpa) - History says…', 'San Diego (tca/dpa) -', 'San Diego', 'tca/dpa'],
    ['ST. LOUIS (AP) — A jury…', 'ST. LOUIS (AP) —', 'St. Louis', 'AP'],
  ])('%s', (paragraph, dateline, located, agency) => {
    const found = splitDatelineOpening(paragraph);
    expect(found).toMatchObject({ dateline, located, agency });
    expect(found?.rest.length).toBeGreaterThan(0);
  });

  it('reads staff datelines without an agency, and agency-only openings', () => {
    expect(splitDatelineOpening('WASHINGTON — The Senate voted…')).toMatchObject({
      dateline: 'WASHINGTON —',
      located: 'Washington',
    });
    expect(splitDatelineOpening('(Sports Network) - A pair of teams…')).toMatchObject({
      agency: 'Sports Network',
      rest: 'A pair of teams…',
    });
  });

  it('reads a paragraph that is only the dateline, with non-breaking spaces (as scraped from AFP pages)', () => {
    expect(splitDatelineOpening('BRUSSELS (AFP)\u00a0-\u00a0')).toEqual({
      dateline: 'BRUSSELS (AFP) -',
      located: 'Brussels',
      agency: 'AFP',
      date: undefined,
      rest: '',
    });
  });

  it('leaves ordinary sentences alone', () => {
    for (const p of [
      'The minister (who spoke on condition of anonymity) - said nothing.',
      'Sales rose 5% (see chart) - the best month this year.',
      'NATO is expected to agree on the plan.',
      'Apple shares (AAPL) rose 2% on Monday.',
      'He said: "We will win."',
    ]) {
      expect(splitDatelineOpening(p)).toBeUndefined();
    }
  });
});

describe('parseDateline', () => {
  it('reads datelines printed on their own', () => {
    expect(parseDateline('MOSCOW, Monday (Reuters)')).toMatchObject({
      located: 'Moscow',
      agency: 'Reuters',
      date: 'Monday',
    });
    expect(parseDateline('WASHINGTON, Jan. 30')).toMatchObject({ located: 'Washington', date: 'Jan. 30' });
    expect(parseDateline('BRUSSELS (AFP) -')).toMatchObject({ located: 'Brussels', agency: 'AFP' });
    expect(parseDateline('30/1/2024')).toBeUndefined();
  });
});

describe('matchBylineParagraph', () => {
  it('reads byline paragraphs in several languages', () => {
    expect(matchBylineParagraph('By Jane Smith')).toBe('Jane Smith');
    expect(matchBylineParagraph('BY JANE SMITH and JOHN DOE, Associated Press')).toBe(
      'JANE SMITH and JOHN DOE, Associated Press',
    );
    expect(matchBylineParagraph('Von Anna Schmidt, dpa')).toBe('Anna Schmidt, dpa');
    expect(matchBylineParagraph('Par Jean DUPONT')).toBe('Jean DUPONT');
    expect(matchBylineParagraph('Por María José Hernández')).toBe('María José Hernández');
  });

  it('does not take sentences for bylines', () => {
    expect(matchBylineParagraph('By the end of the day, prices had fallen.')).toBeUndefined();
    expect(
      matchBylineParagraph('By Tuesday. The markets were closed for the holiday and nobody came.'),
    ).toBeUndefined();
  });
});

describe('liftLeadMetadata', () => {
  it('lifts a byline paragraph and a dateline opening out of the lead', () => {
    const lifted = liftLeadMetadata([
      'By William Schomberg',
      'LONDON, Jan 30 (Reuters) - British factory output fell.',
      'Second.',
    ]);
    expect(lifted).toEqual({
      byline: 'William Schomberg',
      dateline: 'LONDON, Jan 30 (Reuters) -',
      located: 'London',
      agency: 'Reuters',
      paragraphs: ['British factory output fell.', 'Second.'],
    });
  });

  it('drops a paragraph that held only the dateline', () => {
    expect(liftLeadMetadata(['BRUSSELS (AFP) -', 'The United States…']).paragraphs).toEqual(['The United States…']);
  });

  it('changes nothing when the lead has neither', () => {
    const paragraphs = ['The Federal Reserve left rates unchanged.', 'By Friday, markets had recovered.'];
    expect(liftLeadMetadata(paragraphs)).toEqual({ paragraphs });
  });

  it('moves a leading "(Adds …)" advisory aside before finding the byline and dateline', () => {
    const lifted = liftLeadMetadata([
      "(Adds the mayor's statement, details on closures)",
      'By Jo Example',
      'HALIFAX, Jan 21 (Reuters) - The ferry will run on Monday.',
    ]);
    expect(lifted.advisory).toBe("(Adds the mayor's statement, details on closures)");
    expect(lifted.byline).toBe('Jo Example');
    expect(lifted.located).toBe('Halifax');
    expect(lifted.paragraphs).toEqual(['The ferry will run on Monday.']);
  });

  it('finds the dateline after leading "* " highlight lines', () => {
    const lifted = liftLeadMetadata([
      '* Stocks edge up',
      '* Dollar steady',
      'SHANGHAI, Oct 26 (Reuters) - Asian shares wobbled on Friday.',
    ]);
    expect(lifted.located).toBe('Shanghai');
    expect(lifted.paragraphs).toEqual(['* Stocks edge up', '* Dollar steady', 'Asian shares wobbled on Friday.']);
  });

  it('reads a Ritzau-style "Place /agency/:" dateline', () => {
    const lifted = liftLeadMetadata(['Aarhus /ritzau/: Den nye bro åbner i dag.']);
    expect(lifted.located).toBe('Aarhus');
    expect(lifted.agency).toBe('ritzau');
    expect(lifted.paragraphs).toEqual(['Den nye bro åbner i dag.']);
  });
});
