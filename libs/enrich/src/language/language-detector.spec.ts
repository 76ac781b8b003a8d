import { enrichDataDir } from '../data-files';
import { loadLanguageKnowledge } from '../resources';
import { tokenize } from '../text/tokenizer';
import { NO_INFO, type WordInfo } from '../text/word-info';
import { detectLanguage } from './language-detector';

// Sentences written for these tests (invented news copy), one per language; the close pairs say the same thing.
const knowledge = loadLanguageKnowledge(enrichDataDir());

function detect(text: string, hint?: string): string {
  const { tokens } = tokenize(undefined, [text]);
  const infos = tokens.map((): WordInfo => ({ ...NO_INFO }));
  return detectLanguage(tokens, infos, knowledge, hint);
}

const SENTENCES: [string, string][] = [
  ['en', 'The government wants to spend more money on hospitals in the coming years, the health minister said after a meeting in London.'],
  ['fr', "Le gouvernement veut consacrer davantage d'argent aux hôpitaux dans les années à venir, a déclaré le ministre de la Santé après une réunion à Paris."],
  ['de', 'Die Regierung will in den kommenden Jahren mehr Geld für die Krankenhäuser ausgeben, sagte der Gesundheitsminister nach einem Treffen in Berlin.'],
  ['nl', 'De regering wil de komende jaren meer geld uitgeven aan ziekenhuizen, zei de minister van Volksgezondheid na een overleg in Den Haag.'],
  ['it', 'Il governo intende spendere più soldi per gli ospedali nei prossimi anni, ha detto il ministro della Salute dopo un incontro a Roma.'],
  ['es', 'El gobierno quiere gastar más dinero en los hospitales en los próximos años, dijo el ministro de Sanidad tras una reunión en Madrid.'],
  ['pt', 'O governo quer gastar mais dinheiro com os hospitais nos próximos anos, disse o ministro da Saúde depois de uma reunião em Lisboa.'],
  ['gl', 'O goberno quere gastar máis diñeiro nos hospitais nos vindeiros anos, dixo o conselleiro de Sanidade despois dunha xuntanza en Santiago. Non hai data para a votación.'],
  ['ca', "El govern vol gastar més diners en els hospitals en els propers anys, va dir el conseller de Salut després d'una reunió a Barcelona."],
  ['da', 'Regeringen vil bruge flere penge på sygehusene i de kommende år, siger sundhedsministeren efter et møde med regionerne i København.'],
  ['nb', 'Regjeringen vil bruke mer penger på sykehusene i årene som kommer, sier helseministeren etter et møte med fylkene i Oslo.'],
  ['nn', 'Regjeringa vil bruke meir pengar på sjukehusa i åra som kjem, seier helseministeren etter eit møte med fylka i Bergen. Ho seier at dei ikkje har noko val.'],
  ['sv', 'Regeringen vill satsa mer pengar på sjukhusen under de kommande åren, säger sjukvårdsministern efter ett möte med regionerna i Stockholm.'],
  ['fi', 'Hallitus aikoo käyttää enemmän rahaa sairaaloihin tulevina vuosina, sanoi terveysministeri tapaamisen jälkeen Helsingissä tiistaina.'],
  ['pl', 'Rząd chce wydać więcej pieniędzy na szpitale w najbliższych latach, powiedział minister zdrowia po spotkaniu w Warszawie we wtorek.'],
  ['cs', 'Vláda chce v příštích letech vydat více peněz na nemocnice, řekl ministr zdravotnictví po jednání v Praze v úterý.'],
  ['sk', 'Vláda chce v najbližších rokoch vynaložiť viac peňazí na nemocnice, povedal minister zdravotníctva po rokovaní v Bratislave v utorok.'],
  ['hr', 'Vlada želi sljedećih godina uložiti više novca u bolnice, rekao je ministar zdravstva nakon sastanka u Zagrebu. Riječ je o tisuću novih kreveta.'],
  ['sr', 'Vlada želi narednih godina da uloži više novca u bolnice, rekao je ministar zdravlja posle sastanka u Beogradu. Reč je o hiljadu novih kreveta.'],
  ['bs', 'Vlada želi narednih godina uložiti više novca u bolnice, rekao je ministar zdravstva poslije sastanka u Sarajevu. Riječ je o hiljadu novih kreveta, a historija pokazuje da će to potrajati.'],
  ['sl', 'Vlada želi v prihodnjih letih nameniti več denarja za bolnišnice, je po sestanku v Ljubljani povedal minister za zdravje.'],
  ['ro', 'Guvernul vrea să cheltuiască mai mulți bani pentru spitale în următorii ani, a declarat ministrul sănătății după o întâlnire la București.'],
  ['hu', 'A kormány a következő években több pénzt akar költeni a kórházakra, mondta az egészségügyi miniszter egy budapesti találkozó után.'],
  ['tr', "Hükümet önümüzdeki yıllarda hastanelere daha fazla para harcamak istiyor, dedi sağlık bakanı Ankara'daki toplantının ardından."],
  ['id', 'Pemerintah ingin menghabiskan lebih banyak uang untuk rumah sakit dalam beberapa tahun ke depan, kata menteri kesehatan setelah pertemuan di Jakarta.'],
  ['ms', 'Kerajaan mahu membelanjakan lebih banyak wang untuk hospital dalam beberapa tahun akan datang, kata menteri kesihatan selepas mesyuarat di Kuala Lumpur.'],
  ['ru', 'Правительство хочет потратить больше денег на больницы в ближайшие годы, заявил министр здравоохранения после встречи в Москве.'],
  ['uk', "Уряд хоче витратити більше грошей на лікарні в найближчі роки, заявив міністр охорони здоров'я після зустрічі в Києві."],
  ['bg', 'Правителството иска да похарчи повече пари за болниците през следващите години, заяви министърът на здравеопазването след среща в София.'],
  ['mk', 'Владата сака да потроши повеќе пари за болниците во наредните години, изјави министерот за здравство по средбата во Скопје.'],
  ['sr', 'Влада жели да наредних година уложи више новца у болнице, рекао је министар здравља после састанка у Београду.'],
  ['el', 'Η κυβέρνηση θέλει να δαπανήσει περισσότερα χρήματα για τα νοσοκομεία τα επόμενα χρόνια, δήλωσε ο υπουργός Υγείας.'],
]; // prettier-ignore

describe('detectLanguage', () => {
  it.each(SENTENCES)('tells %s from one sentence', (language, text) => {
    expect(detect(text)).toBe(language);
  });

  it('parts close pairs by the words each writes', () => {
    expect(detect('Ministeren siger, at der ikke er penge til flere sygeplejersker i år, og at hospitalerne må vente.')).toBe('da');
    expect(detect('Ministeren sier at det ikke er penger til flere sykepleiere i år, og at sykehusene må vente.')).toBe('nb');
    expect(detect('Ministern säger att det inte finns pengar till fler sjuksköterskor i år och att sjukhusen får vänta.')).toBe('sv');
    expect(detect('A ministra disse que não há dinheiro para mais enfermeiros este ano e que os hospitais terão de esperar.')).toBe('pt');
    expect(detect('La ministra dijo que no hay dinero para más enfermeros este año y que los hospitales tendrán que esperar.')).toBe('es');
    expect(detect('Ministr řekl, že letos nejsou peníze na další zdravotní sestry a nemocnice budou muset počkat.')).toBe('cs');
    expect(detect('Minister povedal, že tento rok nie sú peniaze na ďalšie zdravotné sestry a nemocnice budú musieť počkať.')).toBe('sk');
    expect(detect('Menteri mengatakan bahwa tahun ini tidak ada uang untuk perawat baru dan rumah sakit harus menunggu.')).toBe('id');
    expect(detect('Menteri berkata bahawa tahun ini tiada wang untuk jururawat baharu dan hospital perlu menunggu.')).toBe('ms');
  }); // prettier-ignore

  it('says und for text too short or in two languages', () => {
    expect(detect('Breaking news')).toBe('und');
    expect(detect('Photo: AFP')).toBe('und');
    expect(
      detect('The minister said that la réforme des retraites est nécessaire, but the unions have called a strike.'),
    ).toBe('und');
  });

  it("keeps the source's language unless the text clearly says otherwise", () => {
    const danish = 'Regeringen vil bruge flere penge på sygehusene i de kommende år, siger ministeren.';
    expect(detect(danish, 'da-DK')).toBe('da');
    expect(detect(danish, 'en')).toBe('da');
    expect(detect('Regjeringen vil bruke mer penger på sykehusene i årene som kommer, sier ministeren.', 'no')).toBe(
      'no',
    );
    expect(detect('Kort om sport', 'da')).toBe('da');
    // no word here says Croatian, Serbian or Bosnian: the source's word decides, and without it the macrolanguage
    const serboCroatian = 'Ministar je rekao da će bolnice dobiti više novca za opremu i nove zaposlene.';
    expect(detect(serboCroatian)).toBe('sh');
    expect(detect(serboCroatian, 'hr-HR')).toBe('hr');
    expect(detect(serboCroatian, 'sr-Latn')).toBe('sr');
  });
});
