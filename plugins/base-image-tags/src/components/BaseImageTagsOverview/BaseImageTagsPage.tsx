import { Content, Header, Page } from '@backstage/core-components';
import {
  BaseImageTagsOverview,
  BaseImageTagsOverviewProps,
} from './BaseImageTagsOverview';

/**
 * The overview page with its own header, for apps on the legacy frontend
 * system; the new frontend system adds the header itself.
 *
 * @public
 */
export function BaseImageTagsPage(props: BaseImageTagsOverviewProps) {
  return (
    <Page themeId="tool">
      <Header
        title="Base image tags"
        subtitle="Every repository polled for base image tags, problems first"
      />
      <Content>
        <BaseImageTagsOverview {...props} />
      </Content>
    </Page>
  );
}
