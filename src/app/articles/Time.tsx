import { useContext, useEffect, useState } from 'react';
import { I18nContext } from 'react-i18next';
import type { Lang } from '../../core/model/article.ts';
import { FRESH_FOR_MS, formatDateTime, formatRelative, timeValue } from '../../core/time/dates.ts';

/**
 * A publication time in Kyiv time, in a <time> element with the ISO value.
 * Fresh articles (under 10 hours) show "2 години тому" — computed after
 * mount, so prerendered HTML and the first client render agree.
 *
 * A list shows dozens of these: each reads the i18n instance from context rather than through
 * useTranslation() (which subscribes every instance to i18next's events); a language switch
 * re-renders the lists that hold them.
 */
export function Time({ iso, className }: { iso: string; className?: string }) {
  const { i18n } = useContext(I18nContext);
  const lang = i18n.language as Lang;
  const absolute = formatDateTime(iso, lang);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    if (!(Date.now() - timeValue(iso) < FRESH_FOR_MS)) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [iso]);

  const relative = now === null ? null : formatRelative(iso, lang, now, i18n.t('time.justNow'));
  return (
    <time className={className} dateTime={iso} title={relative ? absolute : undefined}>
      {relative ?? absolute}
    </time>
  );
}
