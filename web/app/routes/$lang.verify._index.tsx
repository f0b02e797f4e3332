import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { VerifyForm } from '~/components/certificates';
import { ErrorPage } from '~/components/errors';
import { normalizeCode } from '~/lib/certificates';
import { fixedT } from '~/lib/i18n.server';
import { pageTitle } from '~/lib/meta';
import { requireLocale } from '~/lib/params.server';
import certificateStyles from '~/styles/certificates.css?url';

export const links = () => [{ rel: 'stylesheet', href: certificateStyles }];

export const meta: MetaFunction<typeof loader> = (args) => [{ title: pageTitle(args) }, { name: 'robots', content: 'noindex' }];

/** `/{lang}/verify?code=…` (the form, sent with or without JavaScript) goes to the certificate's page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const typed = new URL(request.url).searchParams.get('code');
  const t = fixedT(lang);
  if (typed !== null) {
    const code = normalizeCode(typed);
    if (code.length > 0 && code.length <= 64) return redirect(`/${lang}/verify/${code}`);
  }
  return json({
    lang,
    title: t('verify.formTitle'),
    typed: typed ?? '',
    error: typed === null ? null : typed.trim() === '' ? t('verify.codeRequired') : t('verify.codeInvalid'),
  });
}

export default function VerifyIndex() {
  const { lang, typed, error } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('verify.formTitle')}</h1>
      <p>{t('verify.formLead')}</p>
      <VerifyForm lang={lang} defaultValue={typed} error={error} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
