/**
 * Page furniture that sites write in words rather than markup, by class and language: the one list of phrases the
 * HTML reader drops from article bodies. Each pattern is matched case-insensitively against a whole body block, so
 * a pattern must only match what is furniture in every site that uses the language; add languages here, never
 * per-site rules. `paywall` blocks also tell the reader that the page shows only part of the article.
 */
export type BoilerplateClass = 'paywall' | 'reprint' | 'views' | 'comments' | 'share' | 'submitted';

export const BOILERPLATE_PHRASES: Record<BoilerplateClass, Record<string, string[]>> = {
  paywall: {
    en: [
      String.raw`(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:paid |premium )?(?:subscribers|members)`,
      String.raw`subscribe (?:now )?to (?:continue|keep) reading`,
      String.raw`to (?:continue|keep) reading,? (?:please )?(?:subscribe|log ?in|sign ?in|register)`,
      String.raw`(?:already a subscriber|already have an account)\??`,
    ],
    ja: [
      String.raw`(?:有料)?会員限定`,
      String.raw`続きを(?:お)?読み(?:いただけます|ください)`,
      String.raw`登録すると続き`,
    ],
    zh: [String.raw`(?:付费|訂閱|订阅)(?:会员|會員)?(?:专享|專享|才能|閱讀|阅读)`],
    es: [
      String.raw`(?:contenido|artículo) (?:exclusivo|solo) para (?:suscriptores|abonados)`,
      String.raw`suscríbete para (?:seguir|continuar) leyendo`,
    ],
    fr: [String.raw`(?:article|contenu) réservé aux abonnés`, String.raw`abonnez-vous pour lire la suite`],
    de: [
      String.raw`(?:dieser )?(?:artikel|inhalt) ist (?:nur )?für (?:abonnenten|abonnentinnen|abonnenten und abonnentinnen)`,
      String.raw`jetzt (?:weiter)?lesen mit`,
    ],
    ar: [String.raw`(?:هذا المحتوى|هذه المادة) (?:متاح|متاحة) (?:فقط )?للمشتركين`],
    th: [String.raw`เฉพาะสมาชิก`],
  },
  reprint: {
    en: [
      String.raw`(?:for )?reprints? (?:and|&) permissions`,
      String.raw`to (?:license|reprint|republish) this (?:article|story)`,
    ],
    ja: [String.raw`転載・複製`, String.raw`記事利用サービス`, String.raw`^詳しくはこちら$`],
    es: [String.raw`queda prohibida la reproducción`],
    fr: [String.raw`reproduction interdite`],
    de: [String.raw`nachdruck (?:nur )?mit genehmigung`],
  },
  views: {
    en: [String.raw`^(?:viewed|read|seen) [\d.,]+ times?$`, String.raw`^[\d.,]+ (?:views|reads)$`],
    es: [String.raw`^(?:visto|leído|leido) [\d.,]+ (?:veces|vez)$`, String.raw`^[\d.,]+ (?:visitas|lecturas)$`],
    pt: [String.raw`^(?:visto|lido) [\d.,]+ vezes$`, String.raw`^[\d.,]+ visualizações$`],
    fr: [String.raw`^(?:vu|lu) [\d.,\s]+ fois$`],
    de: [String.raw`^[\d.,]+ (?:mal gelesen|aufrufe)$`],
    ar: [String.raw`^(?:عدد )?(?:المشاهدات|القراءات)\s*:?\s*[\d٠-٩.,]+$`, String.raw`^(?:شوهد|قرئ) [\d٠-٩.,]+ مرة$`],
    th: [String.raw`^(?:อ่าน|เข้าชม|ดู)\s*[\d.,]+\s*ครั้ง$`],
    ja: [String.raw`^[\d,]+\s*(?:回閲覧|ビュー|PV)$`],
    zh: [String.raw`^(?:阅读|閱讀|浏览|瀏覽)(?:数|數|量|次数|次數)?\s*[:：]?\s*[\d,]+\s*次?$`],
  },
  comments: {
    en: [
      String.raw`comments? (?:are|is) moderated`,
      String.raw`(?:views|opinions) expressed (?:in the comments|below) (?:are|do not)`,
      String.raw`do(?:es)? not (?:necessarily )?reflect the (?:views|opinions) of`,
      String.raw`(?:our|read the|see our) comment(?:ing)? (?:policy|guidelines)`,
    ],
    es: [
      String.raw`normas de uso`,
      String.raw`el contenido de los comentarios`,
      String.raw`se reserva el derecho de eliminar`,
    ],
    fr: [String.raw`les commentaires sont (?:modérés|soumis)`, String.raw`charte (?:de modération|des commentaires)`],
    de: [String.raw`kommentare (?:werden|sind) moderiert`, String.raw`netiquette`],
    ar: [
      String.raw`ترحب .{0,40}بالنقاش`,
      String.raw`لا (?:تعبر|يعبر) عن (?:رأي|وجهة نظر)`,
      String.raw`إرشادات الاستخدام`,
    ],
    ja: [String.raw`コメント(?:ポリシー|ガイドライン)`],
    th: [String.raw`ความคิดเห็น(?:นี้)?(?:เป็น|ไม่ใช่)ความคิดเห็นของ`],
  },
  share: {
    en: [
      String.raw`^share (?:this|on|via)\b.{0,40}$`,
      String.raw`^(?:share|tweet|email|print)(?:\s*[|/·•]\s*(?:share|tweet|email|print|facebook|twitter))+$`,
    ],
    es: [String.raw`^compartir(?: en)?\b.{0,40}$`],
    th: [String.raw`^แชร์.{0,30}$`],
    ar: [String.raw`^شارك(?: على| عبر)?.{0,30}$`],
  },
  submitted: {
    en: [String.raw`^submitted (?:by .{1,60} )?on .{4,40}$`, String.raw`^posted (?:by .{1,60} )?on .{4,40}$`],
    th: [String.raw`^(?:โพสต์|ส่ง)เมื่อ.{2,40}$`],
    es: [String.raw`^publicado (?:por .{1,60} )?el .{4,40}$`],
  },
};
