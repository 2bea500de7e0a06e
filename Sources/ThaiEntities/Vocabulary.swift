/// Closed word lists the rules consult.
enum Vocabulary {
    /// Words that, glued to a title, make an ordinary noun rather than a name: นายก, นายอำเภอ,
    /// นางพยาบาล, นายทหาร. Matched against the start of the run after the title.
    static let notNamesAfterTitle: [String] = [
        "กรัฐมนตรี", "กเทศมนตรี", "กสมาคม", "กองค์การ", "กฯ", "กสภา", "อำเภอ", "ทหาร", "ตำรวจ", "ช่าง", "จ้าง",
        "หน้า", "ทุน", "ด่าน", "ท่า", "พราน", "ประกัน", "ร้อย", "สิบ", "พัน", "พล", "แพทย์", "สัตวแพทย์",
        "ทะเบียน", "เรือ", "งาน", "เวร", "บ้าน", "พยาบาล", "งาม", "แบบ", "ฟ้า", "กำนัล", "สนม", "ภาพ", "ค่า",
        "สมบัติ", "ธรรม", "ประโยชน์", "วุฒิ", "ลักษณะ", "ครู", "ผู้",
        // นายแพทย์สาธารณสุขจังหวัด: the provincial chief medical officer, a position.
        "สาธารณสุข",
        // A child described, not named (เด็กชายอายุ 5 ขวบ, เด็กหญิงวัย 8 ขวบ, เด็กชายฝาแฝด; ThaiNER train).
        "อายุ", "วัย", "ฝาแฝด",
    ]

    /// The exact runs after a title that are not names (นายก alone).
    static let notNameRuns: Set<String> = ["ก", "กฯ"]

    /// Words that start the text after a given name when no family name follows (นายอุตตม กล่าวว่า):
    /// verbs, positions and function words.
    static let notFamilyNames: Set<String> = [
        "กล่าว", "เปิดเผย", "ได้", "เป็น", "ให้", "และ", "หรือ", "ที่", "ซึ่ง", "ใน", "จาก", "กับ", "พร้อม",
        "ร่วม", "เดินทาง", "ตำแหน่ง", "อายุ", "อดีต", "แกนนำ", "หัวหน้า", "สมาชิก", "รัฐมนตรี", "ผู้", "อธิบดี",
        "ประธาน", "เลขาธิการ", "รอง", "ปลัด", "นายก", "โฆษก", "ผู้ว่า", "ผู้ว่าราชการ", "ผู้อำนวยการ", "ผู้ช่วย",
        "ที่ปรึกษา", "เอกอัครราชทูต", "นายกรัฐมนตรี", "ได้รับ", "จะ", "ยัง", "ก็", "ไม่", "มี", "ว่า", "ระบุ",
        "ชี้แจง", "แถลง", "เผย", "พร้อมด้วย", "เข้า", "มอบ", "นำ", "เป็นประธาน", "ตรวจ", "ลง", "รับ", "เยี่ยม",
        "ประชุม", "หารือ", "สั่ง", "ยืนยัน", "คาด", "เชื่อ", "บอก", "ถาม", "ตอบ", "พูด", "โดย", "เพื่อ", "ถึง",
        "แต่", "จึง", "เมื่อ", "หลัง", "ก่อน", "ทั้ง", "ส.ส.", "สส.", "ผอ.", "ผบ.", "รมว.", "รมช.", "ปธ.",
        "ครั้ง", "ซึ่งเป็น", "เคย", "ต้อง", "ควร", "อยู่", "ไป", "มา", "ออก", "แล้ว", "นั้น", "นี้", "ดังกล่าว",
        "ทำ", "เห็น", "รู้", "ใช้", "สามารถ", "จัด", "เรียก", "ขอ", "อีก", "ของ", "ประกาศ", "ปฏิเสธ", "แจง",
        "เสียชีวิต", "เพราะ", "ย้ำ", "อึ้ง", "ยอมรับ", "เตรียม", "ลงนาม", "มอบหมาย", "สั่งการ", "เรียกร้อง",
        "ออกมา", "พบ", "ตั้ง", "เปิด", "ปิด", "ส่ง", "ให้สัมภาษณ์", "โพสต์", "เผยว่า", "กล่าวว่า", "ระบุว่า",
        "ภรรยา", "สามี", "ลูก", "พ่อ", "แม่", "น้อง", "พี่", "หรือ", "คือ", "ผู้ต้องหา", "ผู้ป่วย",
        "ประธานาธิบดี", "นายกรัฐมนตรี", "รัฐมนตรีว่าการ", "อธิการบดี", "คณบดี", "ผู้บัญชาการ", "ผบ", "ปลัดกระทรวง",
        // Words found glued to the end of a name in ThaiNER's training split (นายบุญสมตาย,
        // พ.ต.อ.ขจร เพชรชุมชนผกก): verbs, and positions written without their dots.
        "ตาย", "ด้วย", "ตั้งแต่", "อาการ", "กลับ", "คิด", "กำลัง", "ทราบ", "เกิด", "ฆ่า", "ถูก",
        "เซ็น", "ยอม", "ยัน", "จี้", "เขา", "ส่วน", "อ้าง", "พาดพิง", "กระทำ", "ยื่น", "ดีขึ้น", "เสนอ",
        "ว่าที่", "อาจ", "เสีย", "ป่วย", "ชี้", "เตือน", "วอน", "ร่ำไห้", "ติดตาม", "เพิ่ง", "หยุด",
        "กรรมการ", "กรรมาธิการ", "ทนายความ", "พนักงาน", "นักธุรกิจ", "นักการเมือง", "เจ้าหน้าที่", "นายอำเภอ",
        "ผู้กำกับ", "สารวัตร", "ผู้ใหญ่บ้าน", "กำนัน", "ผกก", "ผวจ", "รมต", "คตส", "กกต", "สว", "สส",
        // Minister's titles with their dot cut off by the family-name rule (ดร.สุวิทย์ รมว.อว.).
        "รมว", "รมช",
    ]

    /// Titles before which a ministry is written without กระทรวง (รมว.อุตสาหกรรม).
    static let ministerPrefixes: [String] = [
        "รมว.", "รมช.", "รมต.", "รัฐมนตรีว่าการ", "รัฐมนตรีช่วยว่าการ", "ปลัด", "ก.",
    ]

    /// Words after which a country name means nationality or language, not the place.
    static let nationalityPrefixes: [String] = [
        "คน", "ชาว", "ภาษา", "อาหาร", "สัญชาติ", "นักท่องเที่ยว", "ผู้ประกอบการ", "นักลงทุน", "นักธุรกิจ",
        "เศรษฐกิจ", "สินค้า", "แรงงาน", "ภาคเอกชน", "อุตสาหกรรม", "ภูมิปัญญา", "วัฒนธรรม", "ผลไม้", "ข้าว",
        "นักศึกษา", "เยาวชน", "นักเรียน", "ศิลปะ", "SMEs ", "ผู้ประกอบการ ",
        // Identity: ความเป็นไทย (Thainess).
        "ความเป็น",
    ]

    /// Words glued before a place that leave it the place (ใน|ไทย, จาก|จีน): prepositions and the
    /// conjunctions และ and หรือ. A hand-written closed class, not counted from any data.
    static let placePrepositions: [String] = [
        "ของ", "กับ", "จาก", "โดย", "ให้", "แก่", "ต่อ", "ด้วย", "ระหว่าง", "ผ่าน", "ถึง", "ใน", "แทน", "ตาม", "สู่",
        "สำหรับ", "เกี่ยวกับ", "ภายใน", "ภายใต้", "ที่", "และ", "หรือ",
    ]

    /// Words that open the name of an organisation; the rule extends them over the following
    /// words of the name.
    static let organizationHeads: [String] = [
        "กรม", "สำนักงาน", "สำนัก", "องค์การ", "สถาบัน", "มหาวิทยาลัย", "ธนาคาร", "การไฟฟ้า", "การประปา",
        "การท่าเรือ", "การรถไฟ", "การท่องเที่ยว", "คณะกรรมการ", "สมาคม", "มูลนิธิ", "สภา", "ศูนย์", "กองทัพ",
        "โรงเรียน", "โรงพยาบาล", "สหพันธ์", "สมาพันธ์", "กองทุน", "พรรค", "ศาล", "บรรษัท", "ตลาดหลักทรัพย์",
        "องค์กร", "สหกรณ์", "เทศบาล", "องค์การบริหารส่วน", "ภาควิชา", "สายการบิน",
        // Police and military units, named by their function or place (สถานีตำรวจภูธรเมืองอุดรธานี,
        // กองบังคับการปราบปราม, มณฑลทหารบกที่ 17).
        "กองบังคับการ", "กองบัญชาการ", "กองกำกับการ", "สถานีตำรวจ", "มณฑลทหารบก",
        // Subcommittees and working groups with a name (GUIDELINES convention 16).
        "คณะอนุกรรมการ", "คณะทำงาน",
    ]

    /// Verbs that end an organisation's name when glued after it, none of them a word of an
    /// organisation's name in ThaiNER train or the corpus's train gold: verbs found glued after
    /// organisation names in ThaiNER's training split, and verbs of saying and doing.
    static let verbsAfterOrganizationNames = [
        "กังวล", "หวั่น", "เพิ่ง", "ชี้", "จับมือ", "รับมือ", "เลื่อน", "อนุมัติ", "ออกโรง", "จอง", "ขึ้นบัญชี",
        "พูด", "เตือน", "ยืนยัน", "เรียก", "เชิญ", "ยัน", "แนะ", "จัด", "กล่าว", "เปิดเผย", "แถลง", "เผย", "ระบุ",
        "ชี้แจง", "ประกาศ", "แจ้ง", "เสนอ", "สั่ง", "เร่ง",
    ]

    /// Words that end an organisation's name when glued after it, under either convention. A
    /// hand-written closed class, not counted from any data: conjunctions and subordinators,
    /// aspect, modal and negation words, focus adverbs and demonstratives (words a Thai grammar
    /// lists as function words, none of which a name's later word is), and the verbs of saying that
    /// open a report (กรมควบคุมมลพิษ|ชี้ ..., กรมปศุสัตว์|ระบุว่า). ที่ and และ are left out: they are
    /// inside names (มณฑลทหารบกที่ 17, ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร).
    static let wordsAfterOrganizationNames = [
        // Conjunctions and subordinators.
        "จึง", "ซึ่ง", "เพราะ", "เนื่องจาก", "เมื่อ", "ขณะ", "ขณะที่", "แต่", "หาก", "ถ้า", "คือ", "ตั้งแต่",
        // Aspect, modal and negation words.
        "จะ", "ได้", "แล้ว", "ยัง", "เคย", "กำลัง", "ก็", "คง", "อาจ", "ควร", "ต้อง", "ไม่", "มิได้", "ไม่ได้", "ไม่มี",
        // Focus adverbs and demonstratives.
        "อีก", "เท่านั้น", "ทันที", "นั้น", "นี้",
        // Verbs of saying.
        // Not เผย, แนะ, ตอบ: the segmenter cuts them off words of names (เผย|แพร่, แนะ|แนว, ตอบ|สนอง).
        "กล่าว", "บอก", "พูด", "เปิดเผย", "แถลง", "ชี้แจง", "แจง", "ชี้", "ระบุ", "ยืนยัน", "ยัน", "ประกาศ",
        "เตือน", "เสนอ", "แนะนำ", "อธิบาย", "ทราบ",
    ]

    /// Words glued before an organisation's name that open none. A hand-written closed class, not
    /// counted from any data: prepositions, conjunctions, the copula and demonstratives, the verbs of
    /// saying of ``wordsAfterOrganizationNames``, and the office titles a head of a body is named by
    /// (อธิบดี|กรม..., with ว่าการ, the segmenter's second half of รัฐมนตรีว่าการ: ว่าการ|การนิคม...).
    static let wordsBeforeOrganizationNames = [
        // Prepositions.
        "ของ", "กับ", "จาก", "โดย", "ให้", "แก่", "ต่อ", "ด้วย", "ระหว่าง", "ผ่าน", "ถึง", "ใน", "แทน", "ตาม",
        "สู่", "สำหรับ", "เกี่ยวกับ", "ภายใน", "ภายใต้",
        // Conjunctions, the copula and demonstratives.
        "และ", "หรือ", "ว่า", "ซึ่ง", "เนื่องจาก", "เพราะ", "ทั้ง", "คือ", "เป็น", "มี", "นี้", "นั้น",
        // Verbs of saying.
        "กล่าว", "บอก", "เปิดเผย", "แถลง", "ระบุ", "ประกาศ", "เสนอ",
        // Office titles.
        "ว่าการ", "อธิบดี", "ประธาน", "เลขาธิการ", "หัวหน้า", "โฆษก", "ปลัด", "นายก", "อธิการบดี", "คณบดี",
        "ผู้นำ", "รัฐมนตรี", "ผู้อำนวยการ", "ผู้ว่าการ", "ผู้จัดการ", "ผู้บัญชาการ",
    ]

    /// Organisation head words that, after และ, open a second organisation: every head of
    /// ``organizationHeads`` but the common nouns a name's later words use too (สถาบัน "institution",
    /// ศูนย์ "centre", สหกรณ์ "cooperative", ตลาดหลักทรัพย์ "stock exchange": กรมกิจการสตรีและสถาบัน
    /// ครอบครัว, ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร, สำนักงานคณะกรรมการกำกับหลักทรัพย์และ
    /// ตลาดหลักทรัพย์). Chosen by hand, not counted from any data.
    static let coordinatedOrganizationHeads = organizationHeads.filter {
        !["สถาบัน", "ศูนย์", "สหกรณ์", "ตลาดหลักทรัพย์"].contains($0)
    }

    /// Words that end an organisation name found by a head word when glued after it: what follows a
    /// name in a sentence. A hand-written closed class, not counted from any data (a Thai grammar's
    /// function words, the verbs of saying of ``wordsAfterOrganizationNames`` and the commonest verbs
    /// a news report's predicate opens with), so a cross-validation fold has not helped choose it.
    /// Words of names that the segmenter cuts after one of these (ส่ง|เสริม, ร่วม|มือ) are kept by
    /// `OfficeWords.compounds`.
    static let organizationStops = Set(wordsAfterOrganizationNames).union([
        // Conjunctions, relatives and subordinators.
        "และ", "หรือ", "ที่", "ซึ่ง", "เพื่อ", "ว่า", "โดย", "หาก", "ถ้า", "แต่", "จึง", "เมื่อ", "ตั้งแต่",
        "จนถึง", "จนกระทั่ง", "ทั้งนี้", "ได้แก่", "เช่น", "คือ", "พร้อม", "รวมถึง", "รวมทั้ง", "ตลอดจน",
        // Prepositions.
        "ใน", "กับ", "ร่วมกับ", "จาก", "ของ", "ถึง", "ตาม", "ผ่าน", "ด้วย", "ต่อ", "สำหรับ", "เกี่ยวกับ",
        "ระหว่าง", "ภายใน", "ภายใต้", "แก่", "ให้", "สู่", "ทั่ว",
        // Aspect, modal and negation words.
        "จะ", "ได้", "แล้ว", "ยัง", "เคย", "กำลัง", "ก็", "คง", "อาจ", "ควร", "ต้อง", "ไม่", "สามารถ", "เพิ่ง",
        "อยู่", "ไว้",
        // Determiners, quantifiers and demonstratives (ธนาคารอื่น, โรงพยาบาลทุกแห่ง: a class of bodies).
        "นี้", "นั้น", "ดังกล่าว", "แห่งนี้", "อื่น", "อื่นๆ", "ต่าง", "ต่างๆ", "ใด", "ทุก", "แต่ละ", "ทั้ง",
        "บ้าง", "หลาย",
        // Focus adverbs.
        "อีก", "อีกด้วย", "เท่านั้น", "ทันที", "เพียง", "ล่าสุด", "เป็นต้น", "ฯลฯ",
        // The copula and verbs of being and having.
        "เป็น", "เป็นการ", "มี",
        // Directional verbs.
        "ไป", "มา", "ขึ้น", "ลง", "เข้า", "ออก",
        // Verbs of saying not in wordsAfterOrganizationNames (เผย|แพร่ is kept by the compounds).
        "เผย", "แจ้ง",
        // The commonest verbs of doing that open a news report's predicate.
        "ทำ", "รับ", "ส่ง", "นำ", "ขอ", "มอบ", "จัด", "ร่วม", "เร่ง", "สั่ง", "พบ", "ช่วย", "เปิด", "เกิด",
    ])

    /// Head word + word pairs that name a kind of body, not one (สถาบันการเงิน "financial
    /// institutions"): the head-word rule does not make them organisations.
    static let genericOrganizations: [String] = [
        "สถาบันการเงิน", "สถาบันการศึกษา", "สถาบันอุดมศึกษา", "สำนักข่าว", "องค์กรธุรกิจ", "องค์กรชุมชน",
        "ธนาคารพาณิชย์", "ศูนย์ข้อมูล", "ส่วนราชการ", "องค์กรปกครอง", "สหกรณ์การเกษตร", "โรงเรียนประถม", "โรงเรียนมัธยม",
        "โรงพยาบาลส่งเสริมสุขภาพตำบล", "ศูนย์การค้า", "ศูนย์ราชการ", "มูลนิธิต่างๆ",
        // A board of any company (ประธานคณะกรรมการบริหาร บริษัท ...): a kind of body.
        "คณะกรรมการบริหาร",
        // Kinds of local bodies and volunteers that the gazetteer lists for ThaiNER, which tags them
        // (อบต., อสม.); under the guidelines they are classes, with their acronyms (`droppingClassNames`).
        "องค์กรปกครองส่วนท้องถิ่น", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
    ]

    /// Social platforms, whose name labels a handle on a contact line (`Facebook : ...`).
    static let socialPlatforms: [String] = [
        "Facebook", "facebook", "FaceBook", "FACEBOOK", "Twitter", "twitter", "Line", "LINE", "line", "YouTube", "Youtube",
        "Instagram", "instagram", "TikTok", "Tiktok", "เฟซบุ๊ก", "เฟซบุ๊ค", "เฟสบุ๊ค", "เฟสบุ๊ก", "ไลน์", "ทวิตเตอร์", "ยูทูบ",
        "อินสตาแกรม",
    ]

    /// Province names that are also everyday words (แพร่ "spread", เลย "at all", ตาก "to dry"): found
    /// only with จังหวัด or จ. before them.
    static let ambiguousPlaceNames: [String] = ["แพร่", "เลย", "ตาก"]

    /// Provincial officers' titles before จังหวัด (ศึกษาธิการจังหวัดนครพนม): like a governor's, the
    /// title keeps จังหวัด and the place is the province's name.
    static let provincialOfficers: [String] = [
        "ผู้ว่าราชการ", "ปลัด", "อัยการ", "ศึกษาธิการ", "พาณิชย์", "เกษตร", "อุตสาหกรรม", "สาธารณสุข", "ประชาสัมพันธ์", "พัฒนาการ",
        "แรงงาน", "ท้องถิ่น", "คลัง", "ปศุสัตว์", "ประมง", "สรรพากรพื้นที่", "พลังงาน", "ยุติธรรม", "วัฒนธรรม",
        "สถิติ", "โยธาธิการและผังเมือง", "ทรัพยากรธรรมชาติและสิ่งแวดล้อม", "การท่องเที่ยวและกีฬา", "พัฒนาสังคมและความมั่นคงของมนุษย์",
    ]

    /// Short roles the press writes before a bare given name (ปลัดสรนิต, รองปลัดฯ ภานุวัฒน์, รมช.สาธิต,
    /// รองนายกฯ วิษณุ): a known given name right after one is a PERSON.
    static let shortRoles: [String] = [
        "ปลัด", "ปลัดฯ", "รองปลัด", "รองปลัดฯ", "รมว.", "รมช.", "รมต.", "นายกฯ", "รองนายกฯ", "นรม.", "รอง นรม.",
        "ผวจ.", "ผู้ว่าฯ", "อธิบดี", "รองอธิบดี", "เลขาฯ", "ผอ.", "ผบ.ทบ.", "ผบ.ตร.", "ผบ.ทร.", "ผบ.ทอ.", "ผบ.สส.",
    ]

    /// Words that open the name of a district or sub-district; the rule takes the name after them.
    static let districtHeads: [String] = ["อำเภอ", "อ.", "ตำบล", "ต.", "เขต"]
}
