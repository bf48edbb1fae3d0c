import type { ApplicationKind, Customer, Tenancy } from '@firebreak/domain';

/**
 * The sandbox's customers and deployments. Names are fictional; every address uses a domain reserved for
 * documentation (RFC 2606) and every network address a documentation range (RFC 5737), so nothing here can
 * reach a real person or host.
 */
export interface DemoDeploymentSpec {
  id: string;
  name: string;
  tenancy: Tenancy;
  applicationKind: ApplicationKind;
  customerIds: string[];
  instanceCount: number;
  vpcCidr: string;
  /** One public subnet per entry; instances are spread over them in turn. */
  subnets: { cidr: string; availabilityZoneSuffix: string }[];
  /** The application's host: the only source allowed to reach the node API (9092, or 443 for Files). */
  applicationHostCidr: string;
  /** Operations' allow-listed SSH sources (port 3001). */
  sshAllowList: string[];
  /**
   * The shapes of a real estate, beyond one Elastic IP per single-interface instance. All optional: a deployment
   * without them is the plain shape.
   */
  estate?: {
    /** IPv6 blocks on the VPC and its subnets, an egress-only internet gateway, instances with an IPv6 address. */
    dualStack?: boolean;
    /** The last this many of `instanceCount` get an auto-assigned public IPv4 address instead of an Elastic IP. */
    autoAssignedAddresses?: number;
    /** The first instance gets this many more interfaces (device index 1, 2, ...). */
    extraInterfacesOnFirstInstance?: number;
    /** Plain interfaces in the first subnet that belong to no instance, as a load balancer's or an endpoint's look. */
    serviceInterfaces?: { description: string }[];
    /** An Auto Scaling group (launch template) whose instances carry the deployment tag. */
    autoScalingGroupSize?: number;
    /** A load balancer target group (transfer port) with every instance of the deployment registered. */
    targetGroup?: boolean;
  };
}

export const DEMO_CUSTOMERS: Customer[] = [
  {
    id: 'northwind',
    name: 'Northwind Traders',
    tenancy: 'single',
    contacts: [
      { id: 'northwind-ada-park', name: 'Ada Park', email: 'ada.park@northwind.example.com', role: 'designated-technical' },
      { id: 'northwind-tomas-ruiz', name: 'Tomás Ruiz', email: 'tomas.ruiz@northwind.example.com', role: 'designated-technical' },
      { id: 'northwind-helen-marsh', name: 'Helen Marsh', email: 'helen.marsh@northwind.example.com', role: 'management' },
    ],
  },
  {
    id: 'acme',
    name: 'Acme Corporation',
    tenancy: 'multi',
    contacts: [
      { id: 'acme-li-wei', name: 'Li Wei', email: 'li.wei@acme.example.net', role: 'designated-technical' },
      { id: 'acme-samir-haddad', name: 'Samir Haddad', email: 'samir.haddad@acme.example.net', role: 'designated-technical' },
      { id: 'acme-grace-obi', name: 'Grace Obi', email: 'grace.obi@acme.example.net', role: 'management' },
    ],
  },
  {
    id: 'globex',
    name: 'Globex Corporation',
    tenancy: 'multi',
    contacts: [
      { id: 'globex-nina-berg', name: 'Nina Berg', email: 'nina.berg@globex.example.org', role: 'designated-technical' },
      { id: 'globex-omar-farouk', name: 'Omar Farouk', email: 'omar.farouk@globex.example.org', role: 'designated-technical' },
      { id: 'globex-ruth-kim', name: 'Ruth Kim', email: 'ruth.kim@globex.example.org', role: 'management' },
    ],
  },
  {
    id: 'initech',
    name: 'Initech',
    tenancy: 'multi',
    contacts: [
      { id: 'initech-peter-lund', name: 'Peter Lund', email: 'peter.lund@initech.example.com', role: 'designated-technical' },
      { id: 'initech-maya-singh', name: 'Maya Singh', email: 'maya.singh@initech.example.com', role: 'designated-technical' },
      { id: 'initech-bill-moss', name: 'Bill Moss', email: 'bill.moss@initech.example.com', role: 'management' },
    ],
  },
];

export const DEMO_DEPLOYMENTS: DemoDeploymentSpec[] = [
  {
    id: 'northwind-transfer',
    name: 'Northwind transfer (Faspex, single-tenant)',
    tenancy: 'single',
    applicationKind: 'faspex',
    customerIds: ['northwind'],
    instanceCount: 3,
    vpcCidr: '10.10.0.0/16',
    subnets: [
      { cidr: '10.10.1.0/24', availabilityZoneSuffix: 'a' },
      { cidr: '10.10.2.0/24', availabilityZoneSuffix: 'b' },
    ],
    applicationHostCidr: '198.51.100.10/32',
    sshAllowList: ['192.0.2.0/28'],
    // The estate most providers run: a public subnet where instances get an address at launch, dual-stack, an
    // instance with a second interface, a load balancer's interface, Auto Scaling and a target group.
    estate: {
      dualStack: true,
      autoAssignedAddresses: 1,
      extraInterfacesOnFirstInstance: 1,
      serviceInterfaces: [{ description: 'ELB net/northwind-transfer/5d1e0a7c' }],
      autoScalingGroupSize: 1,
      targetGroup: true,
    },
  },
  {
    id: 'shared-transfer-eu',
    name: 'Shared transfer EU (Files, multi-tenant)',
    tenancy: 'multi',
    applicationKind: 'files',
    customerIds: ['acme', 'globex', 'initech'],
    instanceCount: 4,
    vpcCidr: '10.20.0.0/16',
    subnets: [
      { cidr: '10.20.1.0/24', availabilityZoneSuffix: 'a' },
      { cidr: '10.20.2.0/24', availabilityZoneSuffix: 'b' },
    ],
    applicationHostCidr: '203.0.113.20/32',
    sshAllowList: ['192.0.2.0/28', '192.0.2.64/28'],
  },
];
