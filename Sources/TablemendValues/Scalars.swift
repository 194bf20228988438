/// The text of a value as folded Unicode scalars, the unit every reader works on.
///
/// Folding maps full-width ASCII to ASCII, `≧ ≦` to `≥ ≤`, `═` to `=`, dashes and waves to `-` and `~`,
/// and the ASCII pairs `>=`, `<=` to `≥`, `≤`. Whitespace runs are dropped, or become a
/// `\n` separator where they split two labelled parts (`机关300元/个/年 事业200元/个/年`).
///
/// Traditional characters are matched as their simplified forms (`萬元` is read as `万元`,
/// `不少於` as `不少于`), but every text the value reports (unit, subject, text, grade) comes
/// from `shown` through `string` and `written`, as the text has it.
struct Scalars {
  /// The folded text that every reader matches against, traditional characters simplified.
  var s: [Unicode.Scalar]
  /// The same text with traditional characters as written, index for index; nil when no
  /// character was simplified.
  var shown: [Unicode.Scalar]?

  init(folding text: String) {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.utf8.count)
    var simplified: [Unicode.Scalar]?
    for c in text.unicodeScalars {
      let f = Scalars.fold(c)
      let k = Scalars.simplified(f)
      if k != f, simplified == nil { simplified = out }
      out.append(f)
      simplified?.append(k)
    }
    if let k = simplified {
      (s, shown) = Scalars.resolveWhitespace(k, written: out)
    } else {
      (s, shown) = Scalars.resolveWhitespace(out, written: nil)
    }
  }

  init(_ s: [Unicode.Scalar], shown: [Unicode.Scalar]? = nil) {
    self.s = s
    self.shown = shown
  }

  /// The part `r` of the text.
  func slice(_ r: Range<Int>) -> Scalars {
    Scalars(Array(s[r]), shown: shown.map { Array($0[r]) })
  }

  var count: Int { s.count }

  subscript(i: Int) -> Unicode.Scalar { s[i] }

  /// The scalar at `i`, or a NUL past either end.
  func at(_ i: Int) -> Unicode.Scalar { i >= 0 && i < s.count ? s[i] : "\u{0}" }

  /// True when `word` is written at `i`.
  func has(_ word: [Unicode.Scalar], at i: Int) -> Bool {
    if i < 0 || i + word.count > s.count { return false }
    var k = 0
    while k < word.count {
      if s[i + k] != word[k] { return false }
      k += 1
    }
    return true
  }

  /// True when `word` is written anywhere in `lo..<hi`.
  func contains(_ word: [Unicode.Scalar], in lo: Int, _ hi: Int) -> Bool {
    var i = lo
    while i + word.count <= hi {
      if has(word, at: i) { return true }
      i += 1
    }
    return false
  }

  /// The scalar at `i` as written (traditional characters kept).
  func written(_ i: Int) -> Unicode.Scalar { shown?[i] ?? s[i] }

  /// The text of `lo..<hi` as written (traditional characters kept).
  func string(_ lo: Int, _ hi: Int) -> String {
    if lo >= hi { return "" }
    return Scalars.utf8String((shown ?? s)[lo..<hi])
  }

  /// The text of `lo..<hi` as matched (traditional characters simplified).
  func key(_ lo: Int, _ hi: Int) -> String {
    if lo >= hi { return "" }
    return Scalars.utf8String(s[lo..<hi])
  }

  /// The lexicon's `word` matched at `lo..<hi`, as written: the text itself when `word` is
  /// what it reads as (`個` for `个`), else `word`, a normalised spelling (`周` for `星期`).
  func written(_ lo: Int, _ hi: Int, lexicon word: String) -> String {
    if shown == nil || key(lo, hi) != word { return word }
    return string(lo, hi)
  }

  /// The text at the positions `indices`, as written.
  func string<C: Collection>(at indices: C) -> String where C.Element == Int {
    Scalars.utf8String(indices.lazy.map { written($0) })
  }

  /// A string from scalars, through one UTF-8 buffer (much faster than a scalar view).
  static func utf8String<C: Collection>(_ c: C) -> String where C.Element == Unicode.Scalar {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(c.count * 3)
    for u in c {
      let v = u.value
      if v < 0x80 {
        bytes.append(UInt8(v))
      } else if v < 0x800 {
        bytes.append(UInt8(0xC0 | (v >> 6)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
      } else if v < 0x10000 {
        bytes.append(UInt8(0xE0 | (v >> 12)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
      } else {
        bytes.append(UInt8(0xF0 | (v >> 18)))
        bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (v & 0x3F)))
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
    let v = c.value
    if v < 0x80 {
      if c == "\t" || c == "\r" { return " " }
      return c
    }
    switch v {
    case 0xFF01...0xFF5E: return Unicode.Scalar(v - 0xFEE0) ?? c
    case 0x3000, 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: return " "
    case 0x2028, 0x2029, 0x0085: return "\n"
    case 0x2267, 0x2A7E: return "≥"
    case 0x2266, 0x2A7D: return "≤"
    // `═` (a box-drawing double bar) and `﹦` where a font or converter put them for `=`.
    case 0x2550, 0xFE66: return "="
    case 0x301C, 0x223C, 0x2053: return "~"
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63: return "-"
    case 0x3001: return "、"
    case 0x3002, 0xFF61: return "。"
    case 0x2024, 0x00B7, 0x2022, 0x30FB: return "·"
    case 0x201C, 0x201D, 0x300C, 0x300D: return "\""
    case 0x2018, 0x2019: return "'"
    case 0x3010: return "["
    case 0x3011: return "]"
    case 0x33A1: return "㎡"
    default: return c
    }
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  static func isIdeograph(_ c: Unicode.Scalar) -> Bool {
    (c.value >= 0x4E00 && c.value <= 0x9FFF) || (c.value >= 0x3400 && c.value <= 0x4DBF)
  }

  static func isLatin(_ c: Unicode.Scalar) -> Bool {
    (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
  }

  static func isSeparator(_ c: Unicode.Scalar) -> Bool {
    c == "\n" || c == "," || c == "、" || c == ";" || c == "。"
  }

  /// Drops whitespace, except that a run between a counted part and a new label
  /// (`…/年 事业…`, `…/年\n事业…`) becomes a `\n` separator. `written`, when given, is the
  /// same text with traditional characters kept; it gets the same edits.
  static func resolveWhitespace(_ a: [Unicode.Scalar], written w: [Unicode.Scalar]?)
    -> ([Unicode.Scalar], [Unicode.Scalar]?)
  {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(a.count)
    var shown: [Unicode.Scalar]? = w == nil ? nil : []
    shown?.reserveCapacity(a.count)
    var digitSinceSeparator = false
    var i = 0
    while i < a.count {
      let c = a[i]
      if c == " " || c == "\n" {
        var j = i
        while j < a.count && (a[j] == " " || a[j] == "\n") { j += 1 }
        if let p = out.last, j < a.count {
          let n = a[j]
          let prevEndsPart = isIdeograph(p) || p == "%" || p == ")" || isLatin(p)
          let nextStartsLabel =
            isIdeograph(n) && !Lexicon.startsUnit(a, j) && !Lexicon.startsSuffixWord(a, j)
          if digitSinceSeparator && prevEndsPart && nextStartsLabel {
            out.append("\n")
            shown?.append("\n")
            digitSinceSeparator = false
          }
        }
        i = j
        continue
      }
      if isDigit(c) { digitSinceSeparator = true }
      if isSeparator(c) { digitSinceSeparator = false }
      // `>=` → `≥`, `<=` → `≤`, `=>` → `≥`, `=<` → `≤`, `≥=` → `≥`, `==` → `=`.
      if c == "=", let p = out.last, p == ">" || p == "≥" || p == "<" || p == "≤" || p == "=" {
        out[out.count - 1] = p == ">" ? "≥" : p == "<" ? "≤" : p
        shown?[out.count - 1] = out[out.count - 1]
      } else if c == ">" || c == "<", out.last == "=" {
        out[out.count - 1] = c == ">" ? "≥" : "≤"
        shown?[out.count - 1] = out[out.count - 1]
      } else {
        out.append(c)
        if let w { shown?.append(w[i]) }
      }
      i += 1
    }
    // Trim separators at the ends.
    while let f = out.first, isSeparator(f) {
      out.removeFirst()
      shown?.removeFirst()
    }
    while let l = out.last, isSeparator(l) {
      out.removeLast()
      shown?.removeLast()
    }
    return (out, shown)
  }

  /// `text` with the traditional characters the lexicon needs simplified (`週` → `周`).
  static func simplified(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for c in text.unicodeScalars { out.append(simplified(c)) }
    return String(out)
  }

  /// The simplified form of a traditional character the lexicon needs (`萬` → `万`, `個` → `个`),
  /// or `c` itself.
  @inline(__always)
  static func simplified(_ c: Unicode.Scalar) -> Unicode.Scalar {
    let v = c.value
    guard v >= 0x4E00, v <= 0x9FFF else { return c }
    let k = Lexicon.simplifiedOffsets[Int(v - 0x4E00)]
    return k == 0 ? c : Unicode.Scalar(0x4E00 + UInt32(k) - 1) ?? c
  }

}
