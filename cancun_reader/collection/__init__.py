"""What the texts say together: the sentences that name each topic (`mentions`), the words a
topic file quotes, found again (`citations`), the dated events (`timeline`) and the abbreviations
the texts expand (`glossary`)."""
